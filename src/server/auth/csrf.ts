// Signed double-submit cookie (OWASP): the SPA reads the cookie and echoes it in a header; a page on another
// site can neither read our cookie nor forge its signature, and it works before login too (login CSRF).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'convene_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const sign = (secret: string, nonce: string) =>
  createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');

export function newCsrfToken(secret: string): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${nonce}.${sign(secret, nonce)}`;
}

export function isValidCsrfToken(secret: string, token: string | undefined): boolean {
  if (!token) return false;
  const [nonce, sig, extra] = token.split('.');
  if (!nonce || !sig || extra !== undefined) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The header must carry the same valid token as the cookie. */
export function csrfMatches(secret: string, cookie: string | undefined, header: string | undefined): boolean {
  if (!cookie || !header || cookie !== header) return false;
  return isValidCsrfToken(secret, header);
}
