// Zoom's "v0" webhook signature (zoom_api.md §4): `x-zm-signature` = "v0=" + hex HMAC-SHA256(secret token,
// "v0:" + `x-zm-request-timestamp` + ":" + raw body). Checked on the raw bytes, never re-serialised JSON.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Notifications older (or newer) than this are refused, so a captured request cannot be replayed later.
 * Zoom does not check this itself; its docs recommend it (zoom_api.md §4, step 5).
 */
export const WEBHOOK_WINDOW_MS = 5 * 60_000;

export function zoomWebhookSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** The `encryptedToken` answering an `endpoint.url_validation` challenge: hex HMAC-SHA256(secret, plainToken). */
export function zoomEncryptedToken(secret: string, plainToken: string): string {
  return createHmac('sha256', secret).update(plainToken).digest('hex');
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'bad-signature' | 'stale'; message: string };

export function verifyZoomSignature(args: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, now } = args;
  if (!timestamp || !signature)
    return {
      ok: false,
      reason: 'missing-headers',
      message: 'A Zoom notification must carry the x-zm-request-timestamp and x-zm-signature headers.',
    };
  // Unix seconds (zoom_api.md §4, step 1).
  if (!/^\d{1,12}$/.test(timestamp))
    return {
      ok: false,
      reason: 'bad-timestamp',
      message: 'The x-zm-request-timestamp header is not a time.',
    };
  const expected = Buffer.from(zoomWebhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      ok: false,
      reason: 'bad-signature',
      message: 'The Zoom signature does not match this notification.',
    };
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > WEBHOOK_WINDOW_MS)
    return {
      ok: false,
      reason: 'stale',
      message:
        'This Zoom notification was signed more than 5 minutes ago (or ahead): it is refused as a replay.',
    };
  return { ok: true };
}

/**
 * The identity of a notification across Zoom's retries (which re-sign the same body with a new timestamp):
 * its event, event_ts and payload. The payload is hashed as canonical JSON (sorted keys), so a retry that
 * serialises the same data differently is still recognised.
 */
export function zoomDeliveryKey(event: string, eventTs: number | undefined, payload: unknown): string {
  return createHash('sha256')
    .update(`${event}\n${eventTs ?? ''}\n${canonicalJson(payload)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
