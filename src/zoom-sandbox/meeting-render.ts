// The JSON Zoom returns for meetings and webinars, and the objects inside their webhook events.
import { zoomTime } from './clock';
import { dialInNumbers } from './dial-in';
import { computeOccurrences } from './recurrence';
import type { MeetingRecord, SandboxUser } from './types';

export interface RenderContext {
  publicUrl: string;
  host: SandboxUser | undefined;
  /** A fresh host token for start_url; it expires two hours after issue (zoom_api.md §2.2). */
  zak: string;
}

export function joinUrl(record: MeetingRecord, publicUrl: string): string {
  const base = `${publicUrl}/j/${record.id}`;
  return record.encryptedPassword === '' ? base : `${base}?pwd=${record.encryptedPassword}`;
}

function occurrences(record: MeetingRecord) {
  if (!record.recurrence || record.startTimeMs === undefined) return undefined;
  return computeOccurrences(record.recurrence, record.startTimeMs, record.duration ?? 0, record.timezone);
}

function scheduleFields(record: MeetingRecord) {
  return {
    ...(record.startTimeMs === undefined ? {} : { start_time: zoomTime(record.startTimeMs) }),
    duration: record.duration,
    timezone: record.timezone,
  };
}

function passcodeFields(record: MeetingRecord) {
  if (record.kind === 'meeting') {
    return {
      password: record.password,
      h323_password: record.numericPassword,
      pstn_password: record.numericPassword,
      encrypted_password: record.encryptedPassword,
    };
  }
  return {
    password: record.password,
    h323_passcode: record.numericPassword,
    encrypted_passcode: record.encryptedPassword,
  };
}

/** The full object of POST (201) and GET (200); `withStatus` adds the GET-only `status`. */
export function renderMeeting(record: MeetingRecord, ctx: RenderContext, withStatus: boolean) {
  const occ = occurrences(record);
  return {
    uuid: record.uuid,
    id: record.id,
    host_id: record.hostId,
    host_email: ctx.host?.email ?? '',
    topic: record.topic,
    type: record.type,
    ...(withStatus && record.kind === 'meeting' ? { status: record.status } : {}),
    ...scheduleFields(record),
    agenda: record.agenda,
    created_at: zoomTime(record.createdAtMs),
    start_url: `${ctx.publicUrl}/s/${record.id}?zak=${ctx.zak}`,
    join_url: joinUrl(record, ctx.publicUrl),
    ...passcodeFields(record),
    settings: {
      ...record.settings,
      global_dial_in_numbers: dialInNumbers(record.settings.global_dial_in_countries),
    },
    pre_schedule: record.preSchedule,
    ...(occ ? { occurrences: occ } : {}),
    ...(record.recurrence ? { recurrence: record.recurrence } : {}),
    ...(record.trackingFields.length > 0 ? { tracking_fields: record.trackingFields } : {}),
    ...(record.kind === 'webinar' ? { is_simulive: false } : {}),
    creation_source: 'open_api',
  };
}

/** An entry of GET /users/{userId}/meetings or /webinars (zoom_api.md §2.2). */
export function renderListItem(record: MeetingRecord, publicUrl: string) {
  return {
    uuid: record.uuid,
    id: record.id,
    host_id: record.hostId,
    topic: record.topic,
    type: record.type,
    ...scheduleFields(record),
    agenda: record.agenda,
    created_at: zoomTime(record.createdAtMs),
    join_url: joinUrl(record, publicUrl),
    ...(record.kind === 'webinar' ? { is_simulive: false } : {}),
  };
}

/** `payload.object` of meeting.created / webinar.created: `id` is a number (zoom_api.md §4). */
export function createdEventObject(record: MeetingRecord, publicUrl: string) {
  return {
    uuid: record.uuid,
    id: record.id,
    host_id: record.hostId,
    topic: record.topic,
    type: record.type,
    ...scheduleFields(record),
    join_url: joinUrl(record, publicUrl),
    password: record.password,
    settings: {
      use_pmi: record.settings.use_pmi ?? false,
      alternative_hosts: record.settings.alternative_hosts ?? '',
    },
    ...(record.recurrence ? { recurrence: record.recurrence } : {}),
  };
}

/** `payload.object` of *.deleted: the id is a number here (zoom_api.md §4). */
export function deletedEventObject(record: MeetingRecord) {
  const occ = occurrences(record);
  return {
    uuid: record.uuid,
    id: record.id,
    host_id: record.hostId,
    topic: record.topic,
    type: record.type,
    ...scheduleFields(record),
    ...(occ ? { occurrences: occ } : {}),
  };
}

/** `payload.object` of *.started and *.ended: here the id is a string (zoom_api.md §4). */
export function liveEventObject(record: MeetingRecord, startedAtMs: number, endedAtMs?: number) {
  return {
    uuid: record.uuid,
    id: String(record.id),
    host_id: record.hostId,
    topic: record.topic,
    type: record.type,
    start_time: zoomTime(startedAtMs),
    ...(endedAtMs === undefined ? {} : { end_time: zoomTime(endedAtMs) }),
    duration: record.duration,
    timezone: record.timezone,
  };
}

function comparable(record: MeetingRecord, publicUrl: string): Record<string, unknown> {
  return {
    host_id: record.hostId,
    topic: record.topic,
    type: record.type,
    start_time: record.startTimeMs === undefined ? undefined : zoomTime(record.startTimeMs),
    duration: record.duration,
    timezone: record.timezone,
    agenda: record.agenda,
    password: record.password,
    join_url: joinUrl(record, publicUrl),
    recurrence: record.recurrence,
    tracking_fields: record.trackingFields,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `object` and `old_object` of *.updated: the id plus only the fields that changed, settings
 * compared key by key (zoom_api.md §4). Undefined when nothing changed.
 */
export function updatedEventObjects(before: MeetingRecord, after: MeetingRecord, publicUrl: string) {
  const object: Record<string, unknown> = { id: after.id };
  const oldObject: Record<string, unknown> = { id: before.id };
  const a = comparable(before, publicUrl);
  const b = comparable(after, publicUrl);
  for (const key of Object.keys(b)) {
    if (same(a[key], b[key])) continue;
    object[key] = b[key] ?? null;
    oldObject[key] = a[key] ?? null;
  }
  const newSettings: Record<string, unknown> = {};
  const oldSettings: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before.settings), ...Object.keys(after.settings)])) {
    if (same(before.settings[key], after.settings[key])) continue;
    newSettings[key] = after.settings[key] ?? null;
    oldSettings[key] = before.settings[key] ?? null;
  }
  if (Object.keys(newSettings).length > 0) {
    object.settings = newSettings;
    oldObject.settings = oldSettings;
  }
  return Object.keys(object).length > 1 ? { object, old_object: oldObject } : undefined;
}
