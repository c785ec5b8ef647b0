// The Zoom fields as the generic form holds them (`form.*`, `linkForm.*`: untyped records), read back into
// their types, and the checks made before the form is sent.
import {
  effectivePasscodeRules,
  ZoomPasscode,
  type ZoomPasscodeRules,
  type ZoomRoomFormInput,
} from '../../../../contracts/vc-zoom';
import type { RoomFormValues } from '../../components/room-form-values';

export type ZoomFields = Required<Omit<ZoomRoomFormInput, 'hostUserId'>> & { hostUserId: number | null };

const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);

export function readZoomForm(form: Record<string, unknown>): ZoomFields {
  const ids = Array.isArray(form.alternativeHostIds) ? form.alternativeHostIds : [];
  return {
    description: typeof form.description === 'string' ? form.description : '',
    hostUserId: typeof form.hostUserId === 'number' ? form.hostUserId : null,
    alternativeHostIds: ids.filter((id): id is number => typeof id === 'number'),
    passcode: typeof form.passcode === 'string' ? form.passcode : '',
    meetingType: form.meetingType === 'webinar' ? 'webinar' : 'meeting',
    muteAudio: bool(form.muteAudio, true),
    muteHostVideo: bool(form.muteHostVideo, true),
    muteParticipantVideo: bool(form.muteParticipantVideo, true),
    joinBeforeHost: bool(form.joinBeforeHost, true),
    waitingRoom: bool(form.waitingRoom, false),
  };
}

/**
 * "Myself" or "Someone else": kept beside the form because "Someone else" with nobody chosen yet has the
 * same hostUserId (null) as "Myself", and must not be saved as such.
 */
export type HostChoice = 'myself' | 'someone';

export function hostChoiceOf(values: RoomFormValues, myId: number | undefined, mode: string): HostChoice {
  const stored = values.providerState.hostChoice;
  if (stored === 'myself' || stored === 'someone') return stored;
  const host = readZoomForm(values.form).hostUserId;
  // On Edit, null is a host Zoom knows but Convene does not (kept when the form is saved): not "Myself".
  if (host === null) return mode === 'edit' ? 'someone' : 'myself';
  return host === myId ? 'myself' : 'someone';
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function validateZoom(values: RoomFormValues, mode: string): Record<string, string> {
  if (mode === 'attach') return {};
  const errors: Record<string, string> = {};
  const fields = readZoomForm(values.form);
  if (values.providerState.hostChoice === 'someone' && fields.hostUserId === null)
    errors['form.hostUserId'] = 'Choose the host, or choose Myself';
  const passcode = ZoomPasscode.safeParse(fields.passcode);
  if (!passcode.success)
    errors['form.passcode'] = sentence(passcode.error.issues[0]?.message ?? 'is not valid');
  if (fields.hostUserId !== null && fields.alternativeHostIds.includes(fields.hostUserId))
    errors['form.alternativeHostIds'] = 'Must not include the host';
  return errors;
}

const DIGITS = '0123456789';
const LETTERS = 'abcdefghijkmnpqrstuvwxyz';
const SPECIALS = '@-_*';

function pick(chars: string): string {
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return chars.charAt(n % chars.length);
}

/**
 * A new passcode of the administrator's length: digits, as the server generates them (they also work on
 * phones and room systems), with a letter, a capital or a symbol mixed in when the host's Zoom account
 * requires one (zoom_api.md §2.6). The server still checks every rule when the form is saved.
 */
export function generatePasscode(length: number, hostRules: ZoomPasscodeRules | null): string {
  const rules = hostRules && effectivePasscodeRules(hostRules);
  const size = Math.min(10, Math.max(length, rules?.minLength ?? 0));
  const chars = Array.from({ length: size }, () => pick(DIGITS));
  const needed: string[] = [];
  if (rules && !rules.onlyNumeric) {
    if (rules.letter || rules.mixedCase) needed.push(pick(LETTERS));
    if (rules.mixedCase) needed.push(pick(LETTERS.toUpperCase()));
    if (rules.special) needed.push(pick(SPECIALS));
  }
  // Each required kind takes a distinct position, so none overwrites another.
  needed.forEach((c, i) => {
    chars[(i * 3 + 1) % size] = c;
  });
  return chars.join('');
}

/** The host's requirements beyond the API's own rule, in words ("at least 8 characters, a letter"). */
export function describeRules(hostRules: ZoomPasscodeRules | null): string | null {
  if (!hostRules) return null;
  const rules = effectivePasscodeRules(hostRules);
  const parts = [
    rules.required ? 'a passcode' : null,
    rules.minLength > 1 ? `at least ${rules.minLength} characters` : null,
    rules.onlyNumeric ? 'digits only' : null,
    rules.letter ? 'a letter' : null,
    rules.number ? 'a digit' : null,
    rules.mixedCase ? 'upper and lower case letters' : null,
    rules.special ? 'one of @ - _ *' : null,
    rules.maxConsecutive ? `no run of more than ${rules.maxConsecutive} consecutive characters` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? `The host’s Zoom account requires ${parts.join(', ')}.` : null;
}
