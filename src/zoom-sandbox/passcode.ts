// Passcode rules: the API's own (≤10 of letters, digits, @ - _ *) and the host's
// meeting_password_requirement policy (zoom_api.md §2.6), plus the generator Zoom uses when a
// passcode is required but none was sent.
import { randomInt } from 'node:crypto';
import { randomDigits } from './ids';
import type { Kind, PasswordRequirement } from './types';

export const PASSCODE_MAX_LENGTH = 10;
const API_CHARSET = /^[A-Za-z0-9@\-_*]*$/;
/** Webinar passcodes also take `!` (Zoom's document: [a-z A-Z 0-9 @ - _ * !]). */
const WEBINAR_CHARSET = /^[A-Za-z0-9@\-_*!]*$/;
const SPECIALS = '@-_*';

export const NO_REQUIREMENT: PasswordRequirement = {
  length: 0,
  have_letter: false,
  have_number: false,
  have_special_character: false,
  only_allow_numeric: false,
  have_upper_and_lower_characters: false,
  consecutive_characters_length: 0,
  weak_enhance_detection: false,
};

/** Passcodes an attacker tries first; "weak_enhance_detection" refuses them. */
const WEAK = new Set([
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '000000',
  '111111',
  'password',
]);

export function passesApiRule(passcode: string, kind: Kind = 'meeting'): boolean {
  const charset = kind === 'webinar' ? WEBINAR_CHARSET : API_CHARSET;
  return passcode.length <= PASSCODE_MAX_LENGTH && charset.test(passcode);
}

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True when `passcode` holds a run of `n` repeated, ascending, descending or keyboard-row characters. */
export function hasConsecutiveRun(passcode: string, n: number): boolean {
  if (n < 2) return false;
  const lower = passcode.toLowerCase();
  for (let i = 0; i + n <= lower.length; i++) {
    const run = lower.slice(i, i + n);
    if (run.split('').every((c) => c === run[0])) return true;
    const reversed = run.split('').reverse().join('');
    if (SEQUENCES.some((s) => s.includes(run) || s.includes(reversed))) return true;
  }
  return false;
}

/** Whether `passcode` satisfies the host's policy; an empty passcode is judged elsewhere. */
export function meetsRequirement(passcode: string, policy: PasswordRequirement): boolean {
  // Zoom's settings page turns letter, symbol and mixed-case requirements off once numeric-only is on.
  const req = policy.only_allow_numeric
    ? {
        ...policy,
        have_letter: false,
        have_special_character: false,
        have_upper_and_lower_characters: false,
      }
    : policy;
  if (passcode.length < req.length) return false;
  if (req.only_allow_numeric && !/^\d+$/.test(passcode)) return false;
  if (req.have_letter && !/[A-Za-z]/.test(passcode)) return false;
  if (req.have_number && !/\d/.test(passcode)) return false;
  if (req.have_special_character && ![...passcode].some((c) => SPECIALS.includes(c))) return false;
  if (req.have_upper_and_lower_characters && !(/[a-z]/.test(passcode) && /[A-Z]/.test(passcode))) {
    return false;
  }
  if (
    req.consecutive_characters_length > 0 &&
    hasConsecutiveRun(passcode, req.consecutive_characters_length)
  ) {
    return false;
  }
  if (req.weak_enhance_detection && WEAK.has(passcode.toLowerCase())) return false;
  return true;
}

function pick(chars: string): string {
  return chars[randomInt(chars.length)] ?? 'a';
}

/** A passcode that satisfies `req`, as Zoom generates when one is required but not sent. */
export function generatePasscode(req: PasswordRequirement): string {
  const length = Math.min(PASSCODE_MAX_LENGTH, Math.max(req.length, 6));
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = req.only_allow_numeric ? randomDigits(length) : mixedCandidate(length, req);
    if (meetsRequirement(candidate, req)) return candidate;
  }
  throw new Error('Cannot generate a passcode for this requirement');
}

function mixedCandidate(length: number, req: PasswordRequirement): string {
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const required = [pick(lower), pick(digits)];
  if (req.have_upper_and_lower_characters) required.push(pick(upper));
  if (req.have_special_character) required.push(pick(SPECIALS));
  const all = lower + upper + digits;
  const chars = [...required];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

/**
 * The digits-only passcode for phone and room-system users: the passcode itself when it is numeric,
 * else six random digits (zoom_api.md §2.2).
 */
export function numericPasscodeFor(passcode: string): string {
  if (passcode === '') return '';
  return /^\d+$/.test(passcode) ? passcode : randomDigits(6);
}
