// Reads meeting/webinar request bodies the way Zoom does: lenient about JSON types it can coerce
// ("30" for 30, "false" for false), strict about limits and enums, answering Zoom's error bodies
// (zoom_api.md §2.5) rather than Fastify's.
import { type FieldError, zoomErrors } from './errors';
import { passesApiRule } from './passcode';
import { type SettingRule, settingRule } from './settings';
import { isValidTimeZone } from './time';
import type { Kind, Recurrence } from './types';

export const TOPIC_MAX = 200;
export const AGENDA_MAX = 2000;
export const MEETING_TYPES = [1, 2, 3, 8] as const;
export const WEBINAR_TYPES = [5, 6, 9] as const;

/** A body after parsing; undefined = not sent, null = sent as null (recurrence only; start_time refuses it). */
export interface MeetingInput {
  topic?: string;
  type?: number;
  start_time?: string | null;
  duration?: number | null;
  timezone?: string;
  password?: string;
  default_password?: boolean;
  agenda?: string;
  schedule_for?: string;
  recurrence?: Recurrence | null;
  settings?: Record<string, unknown>;
  tracking_fields?: unknown[];
  pre_schedule?: boolean;
}

/** A value Jackson could not bind makes Zoom reject the whole body. */
class TypeMismatch extends Error {}

/** Parses a raw body into a JSON object, or throws Zoom's 300 "valid JSON object" error. */
export function parseJsonObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '') throw zoomErrors.invalidJson();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw zoomErrors.invalidJson();
  }
  if (!isRecord(value)) throw zoomErrors.invalidJson();
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new TypeMismatch();
}

function asInteger(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  throw new TypeMismatch();
}

function asBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new TypeMismatch();
}

function asRecord(v: unknown): Record<string, unknown> {
  if (isRecord(v)) return v;
  throw new TypeMismatch();
}

function asArray(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  throw new TypeMismatch();
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

class Collector {
  readonly errors: FieldError[] = [];

  invalid(field: string): void {
    this.errors.push({ field, message: 'Invalid field.' });
  }

  check(ok: boolean, field: string): boolean {
    if (!ok) this.invalid(field);
    return ok;
  }
}

function parseRecurrence(raw: Record<string, unknown>, out: Collector): Recurrence | undefined {
  const type = raw.type === undefined || raw.type === null ? undefined : asInteger(raw.type);
  if (type !== 1 && type !== 2 && type !== 3) {
    out.invalid('recurrence.type');
    return undefined;
  }
  const rec: Recurrence = { type };
  const maxInterval = { 1: 90, 2: 12, 3: 3 }[type];
  if (raw.repeat_interval != null) {
    const v = asInteger(raw.repeat_interval);
    if (out.check(v >= 1 && v <= maxInterval, 'recurrence.repeat_interval')) rec.repeat_interval = v;
  }
  if (raw.weekly_days != null) {
    const v = asString(raw.weekly_days).replace(/\s/g, '');
    if (out.check(/^[1-7](,[1-7])*$/.test(v), 'recurrence.weekly_days')) rec.weekly_days = v;
  }
  if (raw.monthly_day != null) {
    const v = asInteger(raw.monthly_day);
    if (out.check(v >= 1 && v <= 31, 'recurrence.monthly_day')) rec.monthly_day = v;
  }
  if (raw.monthly_week != null) {
    const v = asInteger(raw.monthly_week);
    if (out.check([-1, 1, 2, 3, 4].includes(v), 'recurrence.monthly_week')) rec.monthly_week = v;
  }
  if (raw.monthly_week_day != null) {
    const v = asInteger(raw.monthly_week_day);
    if (out.check(v >= 1 && v <= 7, 'recurrence.monthly_week_day')) rec.monthly_week_day = v;
  }
  if (raw.end_times != null) {
    const v = asInteger(raw.end_times);
    if (out.check(v >= 1 && v <= 365, 'recurrence.end_times')) rec.end_times = v;
  }
  if (raw.end_date_time != null) {
    const v = asString(raw.end_date_time);
    // end_times and end_date_time exclude each other (zoom_api.md §2.2).
    if (out.check(UTC_INSTANT.test(v) && rec.end_times === undefined, 'recurrence.end_date_time')) {
      rec.end_date_time = v;
    }
  }
  return rec;
}

function parseSetting(rule: SettingRule, value: unknown, field: string, out: Collector): unknown {
  switch (rule.type) {
    case 'boolean':
      return asBoolean(value);
    case 'string':
      return asString(value);
    case 'object':
      return asRecord(value);
    case 'array':
      return asArray(value);
    case 'integer': {
      const v = asInteger(value);
      const ok =
        (rule.values === undefined || rule.values.includes(v)) && (rule.min === undefined || v >= rule.min);
      return out.check(ok, field) ? v : undefined;
    }
    case 'enum': {
      const v = asString(value);
      return out.check(rule.values.includes(v), field) ? v : undefined;
    }
  }
}

function parseSettings(kind: Kind, raw: Record<string, unknown>, out: Collector): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const rule = settingRule(kind, key);
    // Zoom ignores keys it does not know and nulls.
    if (!rule || value === null || value === undefined) continue;
    const parsed = parseSetting(rule, value, `settings.${key}`, out);
    if (parsed !== undefined) settings[key] = parsed;
  }
  return settings;
}

function parseFields(kind: Kind, body: Record<string, unknown>, out: Collector): MeetingInput {
  const input: MeetingInput = {};
  if (body.topic != null) {
    const v = asString(body.topic);
    if (out.check(v.length <= TOPIC_MAX, 'topic')) input.topic = v;
  }
  if (body.type != null) {
    const v = asInteger(body.type);
    const types: readonly number[] = kind === 'meeting' ? MEETING_TYPES : WEBINAR_TYPES;
    if (out.check(types.includes(v), 'type')) input.type = v;
  }
  // Zoom's document types start_time and duration as string and integer, never null: a null is refused.
  if (body.start_time === null) out.invalid('start_time');
  else if (body.start_time !== undefined) input.start_time = asString(body.start_time);
  if (body.duration === null) out.invalid('duration');
  else if (body.duration !== undefined) {
    const v = asInteger(body.duration);
    if (out.check(v >= 0, 'duration')) input.duration = v;
  }
  if (body.timezone != null && body.timezone !== '') {
    const v = asString(body.timezone);
    if (out.check(isValidTimeZone(v), 'timezone')) input.timezone = v;
  }
  if (body.password != null) {
    const v = asString(body.password);
    if (out.check(passesApiRule(v, kind), 'password')) input.password = v;
  }
  if (body.default_password != null) input.default_password = asBoolean(body.default_password);
  if (body.agenda != null) {
    const v = asString(body.agenda);
    if (out.check(v.length <= AGENDA_MAX, 'agenda')) input.agenda = v;
  }
  if (body.schedule_for != null && body.schedule_for !== '') input.schedule_for = asString(body.schedule_for);
  if (body.recurrence === null) input.recurrence = null;
  else if (body.recurrence !== undefined) input.recurrence = parseRecurrence(asRecord(body.recurrence), out);
  if (body.settings != null) input.settings = parseSettings(kind, asRecord(body.settings), out);
  if (body.tracking_fields != null) input.tracking_fields = asArray(body.tracking_fields);
  if (body.pre_schedule != null) input.pre_schedule = asBoolean(body.pre_schedule);
  return input;
}

/** Parses a create/update body for `kind`; throws Zoom's 300 errors on bad JSON or invalid fields. */
export function parseMeetingInput(kind: Kind, raw: unknown): MeetingInput {
  const body = parseJsonObject(raw);
  const out = new Collector();
  let input: MeetingInput;
  try {
    input = parseFields(kind, body, out);
  } catch (err) {
    if (err instanceof TypeMismatch) throw zoomErrors.invalidJson();
    throw err;
  }
  if (out.errors.length > 0) throw zoomErrors.validation(out.errors);
  return input;
}

/** Splits Zoom's alternative_hosts list; Zoom documents ";" and Indico sends "," (zoom_api.md §2.2). */
export function splitAlternativeHosts(value: string): string[] {
  return value
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
