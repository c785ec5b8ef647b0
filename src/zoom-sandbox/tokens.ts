// Access tokens issued by POST /oauth/token: opaque, one hour, no refresh token (zoom_api.md §1).
import { randomToken } from './ids';

/** Zoom's observed expires_in (zoom_api.md §1: 3599 or 3600). */
export const TOKEN_TTL_SECONDS = 3599;

export interface IssuedToken {
  token: string;
  accountId: string;
  clientId: string;
  scopes: ReadonlySet<string>;
  issuedAtMs: number;
  expiresAtMs: number;
  revoked: boolean;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: 'invalid' | 'expired' };

export class TokenStore {
  private tokens = new Map<string, IssuedToken>();
  /** Every POST /oauth/token, successful or not: clients are judged on how often they ask. */
  requestCount = 0;
  issuedCount = 0;

  issue(accountId: string, clientId: string, scopes: Iterable<string>, nowMs: number): IssuedToken {
    const issued: IssuedToken = {
      token: randomToken(),
      accountId,
      clientId,
      scopes: new Set(scopes),
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + TOKEN_TTL_SECONDS * 1000,
      revoked: false,
    };
    this.tokens.set(issued.token, issued);
    this.issuedCount++;
    return issued;
  }

  check(token: string, nowMs: number): TokenCheck {
    const found = this.tokens.get(token);
    if (!found || found.revoked) return { ok: false, reason: 'invalid' };
    if (nowMs >= found.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, token: found };
  }

  /** Makes every token issued so far answer "Access token is expired.". */
  expireAll(nowMs: number): void {
    for (const t of this.tokens.values()) t.expiresAtMs = Math.min(t.expiresAtMs, nowMs);
  }

  /** Makes every token issued so far answer "Invalid access token.". */
  revokeAll(): void {
    for (const t of this.tokens.values()) t.revoked = true;
  }

  clear(): void {
    this.tokens.clear();
    this.requestCount = 0;
    this.issuedCount = 0;
  }
}
