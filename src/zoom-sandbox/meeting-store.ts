// Meetings and webinars as Zoom keeps them, and the rules that turn a validated request body into
// a stored record (hosts, schedule, passcodes, alternative hosts, settings).
import { zoomErrors } from './errors';
import { randomEncryptedPassword, randomMeetingNumber, randomMeetingUuid } from './ids';
import { generatePasscode, meetsRequirement, numericPasscodeFor } from './passcode';
import { defaultSettings } from './settings';
import { parseStartTime } from './time';
import type { Kind, MeetingRecord, Recurrence, SandboxUser } from './types';
import type { UserStore } from './user-store';
import { type MeetingInput, splitAlternativeHosts } from './validation';

/** Zoom's duration when none is sent. */
export const DEFAULT_DURATION = 60;

export class MeetingStore {
  private records = new Map<number, MeetingRecord>();

  get(id: number): MeetingRecord | undefined {
    return this.records.get(id);
  }

  all(): MeetingRecord[] {
    return [...this.records.values()];
  }

  save(record: MeetingRecord): void {
    this.records.set(record.id, record);
  }

  delete(id: number): boolean {
    return this.records.delete(id);
  }

  clear(): void {
    this.records.clear();
  }

  /** A meeting number not used by any meeting or webinar (they share one number space). */
  newId(): number {
    for (;;) {
      const id = randomMeetingNumber();
      if (!this.records.has(id)) return id;
    }
  }

  ofHost(kind: Kind, hostId: string): MeetingRecord[] {
    return this.all()
      .filter((r) => r.kind === kind && r.hostId === hostId)
      .sort((a, b) => a.createdAtMs - b.createdAtMs);
  }
}

export interface ApplyContext {
  users: UserStore;
  accountId: string;
  nowMs: number;
}

/** Types with a start time: scheduled and recurring-with-fixed-time meetings and webinars. */
export function hasFixedTime(type: number): boolean {
  return type === 2 || type === 8 || type === 5 || type === 9;
}

export function isRecurringFixed(type: number): boolean {
  return type === 8 || type === 9;
}

/** The host named by schedule_for, which must be an active user of the account (zoom_api.md §2.1). */
export function resolveScheduleFor(ctx: ApplyContext, scheduleFor: string): SandboxUser {
  const user = ctx.users.find(ctx.accountId, scheduleFor);
  if (user?.status !== 'active') throw zoomErrors.invalidScheduleFor();
  return user;
}

/** Refuses hosts Zoom would refuse: deactivated users, and webinars without a webinar licence. */
export function assertCanHost(kind: Kind, host: SandboxUser): void {
  if (host.status !== 'active') throw zoomErrors.hostingNotAllowed();
  // Webinars need a webinar licence on a licensed host (zoom_api.md §2.4).
  if (kind === 'webinar' && !(host.webinar && host.type === 2)) throw zoomErrors.webinarPlanMissing(host.id);
}

/** Each alternative host must be a licensed, active user of the account (zoom_api.md §2.5, §6.3 #302). */
function resolveAlternativeHosts(ctx: ApplyContext, value: string, host: SandboxUser): string {
  const emails: string[] = [];
  for (const entry of splitAlternativeHosts(value)) {
    const user = ctx.users.find(ctx.accountId, entry);
    if (user?.status !== 'active' || user.type !== 2) {
      throw zoomErrors.invalidField('settings.alternative_hosts');
    }
    if (user.id !== host.id && !emails.includes(user.email)) emails.push(user.email);
  }
  return emails.join(';');
}

function resolvePasscode(input: MeetingInput, host: SandboxUser, existing?: MeetingRecord): string {
  const requirement = host.passwordRequirement;
  if (input.password !== undefined && input.password !== '') {
    if (!meetsRequirement(input.password, requirement)) throw zoomErrors.invalidField('password');
    return input.password;
  }
  if (input.password === undefined && existing) return existing.password;
  // Zoom generates a passcode when the host's settings require one and none was sent (zoom_api.md §2.6).
  if (input.default_password || host.requirePasscode) return generatePasscode(requirement);
  return '';
}

interface Schedule {
  startTimeMs: number | undefined;
  duration: number | undefined;
  timezone: string;
  recurrence: Recurrence | undefined;
}

function resolveSchedule(
  type: number,
  input: MeetingInput,
  host: SandboxUser,
  nowMs: number,
  existing?: MeetingRecord,
): Schedule {
  const timezone = input.timezone ?? existing?.timezone ?? host.timezone;
  const duration =
    input.duration === undefined
      ? (existing?.duration ?? DEFAULT_DURATION)
      : (input.duration ?? DEFAULT_DURATION);
  if (type === 1)
    return { startTimeMs: existing?.startTimeMs ?? nowMs, duration, timezone, recurrence: undefined };
  if (!hasFixedTime(type)) return { startTimeMs: undefined, duration, timezone, recurrence: undefined };
  let startTimeMs: number | undefined;
  if (typeof input.start_time === 'string') {
    startTimeMs = parseStartTime(input.start_time, timezone);
    if (startTimeMs === undefined) throw zoomErrors.invalidField('start_time');
  } else {
    startTimeMs = existing?.startTimeMs ?? nowMs;
  }
  if (!isRecurringFixed(type)) return { startTimeMs, duration, timezone, recurrence: undefined };
  const recurrence = input.recurrence === undefined ? existing?.recurrence : (input.recurrence ?? undefined);
  if (!recurrence) throw zoomErrors.invalidField('recurrence.type');
  return { startTimeMs, duration, timezone, recurrence };
}

function resolveSettings(
  kind: Kind,
  ctx: ApplyContext,
  input: MeetingInput,
  host: SandboxUser,
  existing?: MeetingRecord,
): Record<string, unknown> {
  const base = existing ? structuredClone(existing.settings) : defaultSettings(kind);
  if (!existing && kind === 'webinar') {
    base.contact_name = `${host.firstName} ${host.lastName}`.trim();
    base.contact_email = host.email;
  }
  const settings = { ...base, ...input.settings };
  const altHosts = input.settings?.alternative_hosts;
  if (typeof altHosts === 'string') settings.alternative_hosts = resolveAlternativeHosts(ctx, altHosts, host);
  // A waiting room disables join-before-host in what Zoom stores and echoes (zoom_api.md §2.2).
  if (settings.waiting_room === true) settings.join_before_host = false;
  return settings;
}

function withPasscode(record: MeetingRecord, password: string): MeetingRecord {
  if (password === record.password && record.encryptedPassword !== '') return record;
  return {
    ...record,
    password,
    // A new passcode means a new pwd token in join_url (zoom_api.md §2.2).
    encryptedPassword: password === '' ? '' : randomEncryptedPassword(),
    numericPassword: numericPasscodeFor(password),
  };
}

/** A new meeting or webinar for `host` from a validated create body. */
export function buildRecord(
  kind: Kind,
  ctx: ApplyContext,
  input: MeetingInput,
  id: number,
  host: SandboxUser,
): MeetingRecord {
  const type = input.type ?? (kind === 'meeting' ? 2 : 5);
  const schedule = resolveSchedule(type, input, host, ctx.nowMs);
  const settings = resolveSettings(kind, ctx, input, host);
  const password = resolvePasscode(input, host);
  const record: MeetingRecord = {
    kind,
    id,
    uuid: randomMeetingUuid(),
    accountId: ctx.accountId,
    hostId: host.id,
    type,
    topic: input.topic ?? (kind === 'meeting' ? 'Zoom meeting' : 'Zoom webinar'),
    agenda: input.agenda ?? '',
    ...schedule,
    createdAtMs: ctx.nowMs,
    password: '',
    encryptedPassword: '',
    numericPassword: '',
    settings,
    trackingFields: input.tracking_fields ?? [],
    preSchedule: input.pre_schedule ?? false,
    status: 'waiting',
    startedAtMs: undefined,
  };
  return withPasscode(record, password);
}

/** The record after a PATCH body; `host` is the (possibly new) host. */
export function applyUpdate(
  ctx: ApplyContext,
  existing: MeetingRecord,
  input: MeetingInput,
  host: SandboxUser,
): MeetingRecord {
  const type = input.type ?? existing.type;
  const schedule = resolveSchedule(type, input, host, ctx.nowMs, existing);
  const settings = resolveSettings(existing.kind, ctx, input, host, existing);
  const password = resolvePasscode(input, host, existing);
  const updated: MeetingRecord = {
    ...existing,
    hostId: host.id,
    type,
    topic: input.topic ?? existing.topic,
    agenda: input.agenda ?? existing.agenda,
    ...schedule,
    settings,
    trackingFields: input.tracking_fields ?? existing.trackingFields,
    preSchedule: input.pre_schedule ?? existing.preSchedule,
  };
  return withPasscode(updated, password);
}
