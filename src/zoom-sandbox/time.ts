// Local wall-clock time in an IANA zone ⇄ UTC, with Intl only (no date library in the sandbox).

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at a UTC instant. */
export function toLocal(instantMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtc(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

function offsetAt(instantMs: number, timeZone: string): number {
  return wallAsUtc(toLocal(instantMs, timeZone)) - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant at which the clock in `timeZone` reads `local` (the later one across a DST gap). */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const guess = wallAsUtc(local);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** Day of the week with Zoom's numbering: 1 = Sunday … 7 = Saturday (zoom_api.md §2.2). */
export function zoomWeekday(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 1;
}

/** Adds days to a calendar date, normalising month and year overflow. */
export function addDays<T extends LocalDateTime>(local: T, days: number): T {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const START_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z)?$/;

/**
 * Parses `start_time`: UTC `yyyy-MM-ddTHH:mm:ssZ`, or local `yyyy-MM-ddTHH:mm:ss` read in `timeZone`
 * (zoom_api.md §2.2). Returns undefined when the text is not one of those forms.
 */
export function parseStartTime(value: string, timeZone: string): number | undefined {
  const m = START_TIME.exec(value);
  if (!m) return undefined;
  const local: LocalDateTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  const asUtc = wallAsUtc(local);
  const check = new Date(asUtc);
  if (check.getUTCMonth() + 1 !== local.month || check.getUTCDate() !== local.day || local.hour > 23) {
    return undefined;
  }
  return m[7] === 'Z' ? asUtc : fromLocal(local, timeZone);
}
