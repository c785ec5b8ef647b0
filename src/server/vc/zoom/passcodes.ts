// Meeting passcodes: generated from a CSPRNG, and checked against Zoom's API rule and, when known, the
// host's own passcode requirements (zoom_api.md §2.6).
import { randomInt } from 'node:crypto';
import {
  effectivePasscodeRules,
  ZOOM_PASSCODE_LENGTH,
  type ZoomMeetingType,
} from '../../../contracts/vc-zoom';
import { type PasscodeRequirements, passcodeProblems } from './settings-helpers';

/** What the API accepts of any passcode: at most 10 letters, digits and @ - _ * (zoom_api.md §2.6). */
export const API_PASSCODE_RULES: PasscodeRequirements = {
  required: false,
  minLength: 1,
  maxLength: 10,
  letter: false,
  number: false,
  special: false,
  mixedCase: false,
  onlyNumeric: false,
  maxConsecutive: undefined,
};

const DIGITS = '0123456789';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SPECIAL = '@-_*';
const ATTEMPTS = 200;

/**
 * A random passcode of `length` characters (the admin's 8–10). Digits only, as Indico generates them
 * (numeric passcodes also work on phones and room systems); when the host's requirements ask for letters
 * or symbols, one of each required kind is mixed in. Drawn again until it meets every requirement, e.g.
 * no run like 12345 when consecutive characters are limited.
 */
export function generatePasscode(length: number, requirements?: PasscodeRequirements): string {
  if (!Number.isInteger(length) || length < ZOOM_PASSCODE_LENGTH.min || length > ZOOM_PASSCODE_LENGTH.max)
    throw new RangeError(
      `a passcode length must be ${ZOOM_PASSCODE_LENGTH.min} to ${ZOOM_PASSCODE_LENGTH.max}, not ${length}`,
    );
  const req = effectivePasscodeRules(requirements ?? API_PASSCODE_RULES);
  const size = Math.min(req.maxLength, Math.max(length, req.minLength));
  for (let i = 0; i < ATTEMPTS; i++) {
    const candidate = draw(size, req);
    if (validatePasscode(candidate, req).length === 0) return candidate;
  }
  // Numeric-only wins over letters and symbols (effectivePasscodeRules): only a minimum length beyond 10
  // characters could get here.
  throw new Error('no passcode can meet these requirements');
}

function draw(size: number, req: PasscodeRequirements): string {
  const required: string[] = [];
  if (!req.onlyNumeric) {
    if (req.letter || req.mixedCase) required.push(LOWER);
    if (req.mixedCase) required.push(UPPER);
    if (req.special) required.push(SPECIAL);
  }
  const chars = required.map(pick);
  while (chars.length < size) chars.push(pick(DIGITS));
  // Shuffle (Fisher–Yates), so the required kinds do not always come first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}

/**
 * The problems of a passcode, as phrases for a form field ("must have at most 10 characters"); empty when
 * it is acceptable. Without `requirements`, only the API's rule applies; an empty passcode is a problem
 * only when the host's account requires one.
 */
export function validatePasscode(
  passcode: string,
  requirements?: PasscodeRequirements,
  kind: ZoomMeetingType = 'meeting',
): string[] {
  if (passcode === '') return requirements?.required ? ['is required by the host’s Zoom settings'] : [];
  return passcodeProblems(passcode, requirements ?? API_PASSCODE_RULES, kind);
}
