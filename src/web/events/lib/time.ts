// Times in an IANA timezone, with Intl only (no timezone database in the bundle). The API speaks UTC ISO
// strings; forms speak the wall-clock time of the event's timezone ("2030-05-01T09:00", as an
// <input type="datetime-local"> does); pages show times in the event's zone or the viewer's.

/** The UI is written in British English: dates read "Wed, 1 May 2030" and times "09:00" everywhere. */
const LOCALE = 'en-GB';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timezone, f);
  }
  return f;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(ms: number, timezone: string): WallParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timezone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in milliseconds (Zurich in summer: +7 200 000). */
function offsetAt(ms: number, timezone: string): number {
  const p = wallParts(ms, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (ms % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2030-05-01T09:00" for that instant in the zone (the value of a datetime-local input). */
export function toWallTime(iso: string, timezone: string): string {
  const p = wallParts(Date.parse(iso), timezone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a complete "YYYY-MM-DDTHH:mm" value. */
export function isWallTime(value: string): boolean {
  return WALL_TIME.test(value);
}

/**
 * The UTC ISO string of a wall-clock time in the zone, or undefined if the value is not a wall time.
 * A time skipped by a daylight-saving change (02:30 on a spring-forward night) lands as far after the
 * change (03:30); a time that occurs twice on a fall-back night gets one of its two instants.
 */
export function fromWallTime(value: string, timezone: string): string | undefined {
  const m = WALL_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(asUtc)) return undefined;
  // The offset depends on the instant we look for: guess with the offset at the wall time read as UTC,
  // then take the offset at that guess. If the result disagrees with its own offset, the time is in a gap.
  const offset = offsetAt(asUtc - offsetAt(asUtc, timezone), timezone);
  const utc = asUtc - offset;
  const check = offsetAt(utc, timezone);
  return new Date(check === offset ? utc : asUtc - Math.min(offset, check)).toISOString();
}

/** The calendar day (YYYY-MM-DD) of that instant in the zone. */
export function dayIn(iso: string, timezone: string): string {
  return toWallTime(iso, timezone).slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timezone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, { timeZone: timezone, ...options });
    formatters.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const LONG_DAY: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** "09:00" */
export function formatTime(iso: string, timezone: string): string {
  return formatter(timezone, TIME).format(Date.parse(iso));
}

/** "Wed, 1 May 2030" */
export function formatDate(iso: string, timezone: string): string {
  return formatter(timezone, DATE).format(Date.parse(iso));
}

/** "Wednesday, 1 May 2030" for a YYYY-MM-DD day (a calendar day has no zone: read it at noon UTC). */
export function formatDay(day: string): string {
  return formatter('UTC', LONG_DAY).format(Date.parse(`${day}T12:00:00Z`));
}

/** "09:00–09:20" */
export function formatTimeRange(start: string, end: string, timezone: string): string {
  return `${formatTime(start, timezone)}–${formatTime(end, timezone)}`;
}

/**
 * An event's span: "Wed, 1 May 2030, 09:00–17:00" within one day, else
 * "Wed, 1 May 2030, 09:00 – Fri, 3 May 2030, 17:00".
 */
export function formatSpan(start: string, end: string, timezone: string): string {
  if (dayIn(start, timezone) === dayIn(end, timezone)) {
    return `${formatDate(start, timezone)}, ${formatTimeRange(start, end, timezone)}`;
  }
  return `${formatDate(start, timezone)}, ${formatTime(start, timezone)} – ${formatDate(end, timezone)}, ${formatTime(end, timezone)}`;
}

/** "1 h 30 min", "20 min", "2 h" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The viewer's zone as the browser knows it (UTC when it does not say). */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: string[] | undefined;

/** Every IANA zone the browser knows, sorted, with UTC (which some browsers leave out of the list). */
export function timezoneNames(): string[] {
  if (!zones) {
    const known = new Set(Intl.supportedValuesOf('timeZone'));
    known.add('UTC');
    zones = [...known].sort();
  }
  return zones;
}

/** Adds minutes to an ISO instant. */
export function addMinutesIso(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
