// Random identifiers shaped like Zoom's, so clients that store or display them meet realistic values.
import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  for (let i = 1; i < length; i++) out += String(randomInt(10));
  return out;
}

/** Meeting numbers are 10–11 digits in current responses (zoom_api.md §7.3); most are 11. */
export function randomMeetingNumber(): number {
  const digits = randomInt(5) === 0 ? 10 : 11;
  return Number(randomDigits(digits));
}

/** base64 of 16 random bytes, 24 characters ending in "==", sometimes containing "/" (zoom_api.md §2.2). */
export function randomMeetingUuid(): string {
  return randomBytes(16).toString('base64');
}

/** User and account ids look like 22 characters of base64url. */
export function randomZoomUserId(): string {
  return randomBytes(16).toString('base64url');
}

export function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}

/** The opaque `pwd` value of a join URL; a passcode change yields a new one (zoom_api.md §2.2). */
export function randomEncryptedPassword(): string {
  return `${randomAlphanumeric(32)}.1`;
}

export function randomTrackingId(): string {
  return `v=2.0;clid=sandbox;rid=SANDBOX_${randomBytes(16).toString('hex')}`;
}
