// Host tokens ("zak") in start URLs: signed, self-contained, valid two hours from issue
// (zoom_api.md §2.2), so the start page can check them without the sandbox storing each one.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** start_url expires 2 hours after it is issued (zoom_api.md §2.2). */
export const ZAK_TTL_MS = 2 * 60 * 60 * 1000;

interface ZakClaims {
  sub: string;
  mid: number;
  iat: number;
  exp: number;
}

export type ZakCheck = { ok: true; hostId: string } | { ok: false; reason: 'invalid' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');

export class ZakSigner {
  private secret = randomBytes(32);

  /** Invalidates every zak issued so far. */
  rotate(): void {
    this.secret = randomBytes(32);
  }

  issue(hostId: string, meetingId: number, nowMs: number): string {
    const claims: ZakClaims = { sub: hostId, mid: meetingId, iat: nowMs, exp: nowMs + ZAK_TTL_MS };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
  }

  verify(zak: string, meetingId: number, nowMs: number): ZakCheck {
    const [header, payload, signature] = zak.split('.');
    if (!header || !payload || !signature) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'invalid' };
    const claims = parseClaims(payload);
    if (!claims || claims.mid !== meetingId) return { ok: false, reason: 'invalid' };
    if (nowMs >= claims.exp) return { ok: false, reason: 'expired' };
    return { ok: true, hostId: claims.sub };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

function parseClaims(payload: string): ZakClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const claims = Object.fromEntries(Object.entries(value));
  const { sub, mid, iat, exp } = claims;
  if (
    typeof sub !== 'string' ||
    typeof mid !== 'number' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    return undefined;
  }
  return { sub, mid, iat, exp };
}
