import { describe, expect, it } from 'vitest';
import { csrfMatches, isValidCsrfToken, newCsrfToken } from './csrf';

const secret = 'a-secret-of-enough-length-for-tests-000000';

describe('CSRF tokens', () => {
  it('accepts a token it signed when header and cookie agree', () => {
    const token = newCsrfToken(secret);
    expect(isValidCsrfToken(secret, token)).toBe(true);
    expect(csrfMatches(secret, token, token)).toBe(true);
  });

  it('refuses a token signed with another secret, a tampered one, and a header that differs from the cookie', () => {
    const token = newCsrfToken(secret);
    expect(isValidCsrfToken('another-secret-of-enough-length-0000000', token)).toBe(false);
    expect(isValidCsrfToken(secret, `x${token}`)).toBe(false);
    expect(csrfMatches(secret, token, newCsrfToken(secret))).toBe(false);
    expect(csrfMatches(secret, undefined, token)).toBe(false);
  });
});
