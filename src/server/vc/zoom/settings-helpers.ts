// Pure helpers over Zoom's settings: alternative-host lists and a host's passcode rules.
import { effectivePasscodeRules, passcodeSymbols, type ZoomMeetingType } from '../../../contracts/vc-zoom';
import type { ZoomUserSettings } from './zoom-schemas';

/**
 * Zoom's `alternative_hosts` is one string of e-mails or ids separated by semicolons; Indico sends
 * commas and Zoom accepts both (zoom_api.md §2.2). Duplicates (case-insensitive) are dropped.
 */
export function parseAlternativeHosts(value: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (value ?? '').split(/[;,]/)) {
    const host = part.trim();
    if (!host || seen.has(host.toLowerCase())) continue;
    seen.add(host.toLowerCase());
    out.push(host);
  }
  return out;
}

export function formatAlternativeHosts(hosts: readonly string[]): string {
  return parseAlternativeHosts(hosts.join(';')).join(';');
}

/** `current` plus `add`, minus `remove`, comparing e-mails case-insensitively and keeping the order. */
export function changeAlternativeHosts(
  current: readonly string[],
  change: { add?: readonly string[]; remove?: readonly string[] },
): string[] {
  const removed = new Set((change.remove ?? []).map((h) => h.trim().toLowerCase()));
  const kept = current.filter((h) => !removed.has(h.toLowerCase()));
  return parseAlternativeHosts([...kept, ...(change.add ?? [])].join(';'));
}

/** A host's passcode rules, from `schedule_meeting.meeting_password_requirement` (zoom_api.md §2.6). */
export interface PasscodeRequirements {
  /** Whether new meetings must have a passcode. */
  required: boolean;
  minLength: number;
  /** The API's own limit. */
  maxLength: number;
  letter: boolean;
  number: boolean;
  special: boolean;
  mixedCase: boolean;
  onlyNumeric: boolean;
  /** Longest allowed run of consecutive characters (`12345`, `abcde`); undefined when not limited. */
  maxConsecutive: number | undefined;
}

export function passcodeRequirementsFrom(settings: ZoomUserSettings): PasscodeRequirements {
  const schedule = settings.schedule_meeting;
  const r = schedule?.meeting_password_requirement ?? {};
  const consecutive = r.consecutive_characters_length ?? 0;
  return effectivePasscodeRules({
    required: schedule?.require_password_for_scheduling_new_meetings ?? false,
    minLength: Math.max(1, r.length ?? 1),
    maxLength: 10,
    letter: r.have_letter ?? false,
    number: r.have_number ?? false,
    special: r.have_special_character ?? false,
    mixedCase: r.have_upper_and_lower_characters ?? false,
    onlyNumeric: r.only_allow_numeric ?? false,
    // 0 means "no limit"; otherwise 4–8 (zoom_api.md §2.6).
    maxConsecutive: consecutive > 0 ? consecutive - 1 : undefined,
  });
}

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The rules a passcode of a meeting (or webinar) breaks, as sentences; empty when it is acceptable. */
export function passcodeProblems(
  passcode: string,
  rules: PasscodeRequirements,
  kind: ZoomMeetingType = 'meeting',
): string[] {
  const req = effectivePasscodeRules(rules);
  const symbols = passcodeSymbols(kind);
  const problems: string[] = [];
  if (passcode.length < req.minLength) problems.push(`must have at least ${req.minLength} characters`);
  if (passcode.length > req.maxLength) problems.push(`must have at most ${req.maxLength} characters`);
  if ([...passcode].some((c) => !/[A-Za-z0-9]/.test(c) && !symbols.includes(c)))
    problems.push(`may contain only letters, digits and ${[...symbols].join(' ')}`);
  if (req.onlyNumeric && !/^\d*$/.test(passcode)) problems.push('must contain only digits');
  if (req.letter && !/[A-Za-z]/.test(passcode)) problems.push('must contain a letter');
  if (req.number && !/\d/.test(passcode)) problems.push('must contain a digit');
  if (req.special && ![...passcode].some((c) => symbols.includes(c)))
    problems.push(`must contain one of ${[...symbols].join(' ')}`);
  if (req.mixedCase && !(/[a-z]/.test(passcode) && /[A-Z]/.test(passcode)))
    problems.push('must contain upper- and lower-case letters');
  if (req.maxConsecutive !== undefined && longestRun(passcode.toLowerCase()) > req.maxConsecutive)
    problems.push(
      `must not contain more than ${req.maxConsecutive} consecutive characters such as 1234 or abcd`,
    );
  return problems;
}

/** The longest run of characters that follow each other in a sequence (either direction) or repeat. */
function longestRun(s: string): number {
  let best = s.length ? 1 : 0;
  let run = 1;
  let step: number | undefined;
  for (let i = 1; i < s.length; i++) {
    const d = stepBetween(s.charAt(i - 1), s.charAt(i));
    if (d !== undefined && (run === 1 || d === step)) {
      run++;
      step = d;
    } else {
      run = d === undefined ? 1 : 2;
      step = d;
    }
    best = Math.max(best, run);
  }
  return best;
}

function stepBetween(a: string, b: string): number | undefined {
  if (a === b) return 0;
  for (const seq of SEQUENCES) {
    const i = seq.indexOf(a);
    const j = seq.indexOf(b);
    if (i >= 0 && j >= 0 && Math.abs(i - j) === 1) return j - i;
  }
  return undefined;
}
