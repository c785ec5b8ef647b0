import { describe, expect, it } from 'vitest';
import {
  generatePasscode,
  hasConsecutiveRun,
  meetsRequirement,
  NO_REQUIREMENT,
  numericPasscodeFor,
  passesApiRule,
} from './passcode';

describe('passcode rules', () => {
  it('follow the API rule: at most 10 of letters, digits and @ - _ *', () => {
    expect(passesApiRule('aZ09@-_*')).toBe(true);
    expect(passesApiRule('1234567890')).toBe(true);
    expect(passesApiRule('12345678901')).toBe(false);
    expect(passesApiRule('a!b')).toBe(false);
    expect(passesApiRule('a b')).toBe(false);
  });

  it('apply each part of meeting_password_requirement', () => {
    const req = (r: Partial<typeof NO_REQUIREMENT>) => ({ ...NO_REQUIREMENT, ...r });
    expect(meetsRequirement('abc', req({ length: 4 }))).toBe(false);
    expect(meetsRequirement('abc1', req({ only_allow_numeric: true }))).toBe(false);
    expect(meetsRequirement('1234', req({ have_letter: true }))).toBe(false);
    expect(meetsRequirement('abcd', req({ have_number: true }))).toBe(false);
    expect(meetsRequirement('abc1', req({ have_special_character: true }))).toBe(false);
    expect(meetsRequirement('abc1*', req({ have_special_character: true }))).toBe(true);
    expect(meetsRequirement('abc1', req({ have_upper_and_lower_characters: true }))).toBe(false);
    expect(meetsRequirement('aBc1', req({ have_upper_and_lower_characters: true }))).toBe(true);
    expect(meetsRequirement('123456', req({ weak_enhance_detection: true }))).toBe(false);
  });

  it('find runs of consecutive characters: repeated, ascending, descending and keyboard rows', () => {
    expect(hasConsecutiveRun('x1234y', 4)).toBe(true);
    expect(hasConsecutiveRun('x4321y', 4)).toBe(true);
    expect(hasConsecutiveRun('aaaa', 4)).toBe(true);
    expect(hasConsecutiveRun('QWERt', 4)).toBe(true);
    expect(hasConsecutiveRun('x123y', 4)).toBe(false);
    expect(hasConsecutiveRun('8271', 4)).toBe(false);
  });

  it('generate passcodes that satisfy the requirement they are made for', () => {
    const reqs = [
      NO_REQUIREMENT,
      { ...NO_REQUIREMENT, length: 10, only_allow_numeric: true, consecutive_characters_length: 4 },
      { ...NO_REQUIREMENT, length: 8, have_special_character: true, have_upper_and_lower_characters: true },
    ];
    for (const req of reqs) {
      for (let i = 0; i < 50; i++) {
        const passcode = generatePasscode(req);
        expect(passesApiRule(passcode)).toBe(true);
        expect(meetsRequirement(passcode, req)).toBe(true);
      }
    }
  });

  it('give phone users the numeric passcode itself, or six digits for another passcode', () => {
    expect(numericPasscodeFor('20260302')).toBe('20260302');
    expect(numericPasscodeFor('test')).toMatch(/^\d{6}$/);
    expect(numericPasscodeFor('')).toBe('');
  });
});
