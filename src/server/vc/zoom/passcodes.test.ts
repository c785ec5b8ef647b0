import { describe, expect, it } from 'vitest';
import { API_PASSCODE_RULES, generatePasscode, validatePasscode } from './passcodes';
import type { PasscodeRequirements } from './settings-helpers';

const rules = (over: Partial<PasscodeRequirements>): PasscodeRequirements => ({
  ...API_PASSCODE_RULES,
  ...over,
});

describe('generated passcodes', () => {
  it('are digits of the requested length, 8 to 10', () => {
    for (const length of [8, 9, 10]) {
      const passcode = generatePasscode(length);
      expect(passcode).toMatch(new RegExp(`^\\d{${length}}$`));
    }
  });

  it('differ from one another (drawn from a CSPRNG)', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePasscode(10)));
    expect(seen.size).toBe(50);
  });

  it('refuse a length outside 8–10', () => {
    expect(() => generatePasscode(7)).toThrow(RangeError);
    expect(() => generatePasscode(11)).toThrow(RangeError);
    expect(() => generatePasscode(8.5)).toThrow(RangeError);
  });

  it('meet a host’s requirements: letters, mixed case, a symbol, no long runs', () => {
    const strict = rules({ letter: true, mixedCase: true, special: true, number: true, maxConsecutive: 3 });
    for (let i = 0; i < 50; i++) {
      const passcode = generatePasscode(8, strict);
      expect(passcode).toHaveLength(8);
      expect(validatePasscode(passcode, strict)).toEqual([]);
    }
  });

  it('stay digits for a numeric-only host, and grow to the host’s minimum length', () => {
    const passcode = generatePasscode(8, rules({ onlyNumeric: true, minLength: 10 }));
    expect(passcode).toMatch(/^\d{10}$/);
  });

  it('let numeric-only win over a letter, a symbol or mixed case, as Zoom does, and Save accepts them', () => {
    for (const extra of [
      { letter: true },
      { special: true },
      { mixedCase: true },
      { letter: true, special: true, mixedCase: true },
    ]) {
      const req = rules({ onlyNumeric: true, ...extra });
      const passcode = generatePasscode(8, req);
      expect(passcode).toMatch(/^\d{8}$/);
      expect(validatePasscode(passcode, req)).toEqual([]);
      expect(validatePasscode('ab12CD!x', req)).toContain('must contain only digits');
    }
  });
});

describe('passcode validation', () => {
  it('accepts up to 10 letters, digits and @ - _ *', () => {
    expect(validatePasscode('aZ09@-_*')).toEqual([]);
    expect(validatePasscode('1234567890')).toEqual([]);
  });

  it('accepts ! in webinar passcodes only, as Zoom’s document says', () => {
    expect(validatePasscode('Webinar!1', undefined, 'webinar')).toEqual([]);
    expect(validatePasscode('Meeting!1', undefined, 'meeting')).toEqual([
      'may contain only letters, digits and @ - _ *',
    ]);
    expect(validatePasscode('abc12345', rules({ special: true }), 'webinar')).toEqual([
      'must contain one of @ - _ * !',
    ]);
  });

  it('names every rule a passcode breaks', () => {
    expect(validatePasscode('12345678901')).toEqual(['must have at most 10 characters']);
    expect(validatePasscode('pass word!')).toEqual(['may contain only letters, digits and @ - _ *']);
  });

  it('accepts no passcode unless the host’s account requires one', () => {
    expect(validatePasscode('')).toEqual([]);
    expect(validatePasscode('', rules({ required: true }))).toEqual([
      'is required by the host’s Zoom settings',
    ]);
  });

  it('applies the host’s meeting_password_requirement', () => {
    const host = rules({ minLength: 8, letter: true, number: true, maxConsecutive: 3 });
    expect(validatePasscode('abcd1', host)).toEqual([
      'must have at least 8 characters',
      'must not contain more than 3 consecutive characters such as 1234 or abcd',
    ]);
    expect(validatePasscode('12345678', host)).toContain('must contain a letter');
    expect(validatePasscode('x7k2m9q4', host)).toEqual([]);
  });
});
