import type { ProtectionMode } from '../../../contracts/events';

export const PROTECTION_LABEL: Record<ProtectionMode, string> = {
  public: 'Public',
  logged_in: 'Logged-in users',
  restricted: 'Restricted',
};

export const PROTECTION_HELP: Record<ProtectionMode, string> = {
  public: 'Anyone, without logging in',
  logged_in: 'Anyone with an account, once logged in',
  restricted: 'Only its managers and the users they allow',
};

export const PROTECTION_MODES = ['public', 'logged_in', 'restricted'] as const;

export function asProtectionMode(value: string | null): ProtectionMode {
  return value === 'logged_in' || value === 'restricted' ? value : 'public';
}

/** "Room 1, CERN": the room name and the location, whichever are set. */
export function placeOf(event: { location: string; roomName: string }): string {
  return [event.roomName, event.location].filter(Boolean).join(', ');
}

/** "Ada Lovelace, Charles Babbage" */
export function speakerNames(speakers: { name: string }[]): string {
  return speakers.map((s) => s.name).join(', ');
}

/** "1 session", "3 sessions" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
