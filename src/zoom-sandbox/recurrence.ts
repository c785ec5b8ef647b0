// Occurrences of recurring meetings with a fixed time (types 8 and 9), computed in the meeting's
// time zone so a weekly 09:00 meeting stays at 09:00 across daylight-saving changes.
import { zoomTime } from './clock';
import { addDays, daysInMonth, fromLocal, type LocalDateTime, toLocal, zoomWeekday } from './time';
import type { Recurrence } from './types';

export interface Occurrence {
  occurrence_id: string;
  start_time: string;
  duration: number;
  status: 'available';
}

/** Zoom caps a series at 365 occurrences (recurrence.end_times maximum, zoom_api.md §2.2). */
export const MAX_OCCURRENCES = 365;
/** Zoom's default when neither end_times nor end_date_time is given (the spec's default of end_times). */
const DEFAULT_END_TIMES = 1;

function weeklyDays(recurrence: Recurrence, fallback: number): number[] {
  const days = (recurrence.weekly_days ?? '')
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => d >= 1 && d <= 7);
  return days.length > 0 ? [...new Set(days)].sort((a, b) => a - b) : [fallback];
}

/** The day of `month` that matches monthly_day, or monthly_week + monthly_week_day (−1 = last week). */
function monthlyDay(recurrence: Recurrence, year: number, month: number, fallbackDay: number): number | null {
  const last = daysInMonth(year, month);
  if (recurrence.monthly_week !== undefined && recurrence.monthly_week_day !== undefined) {
    const firstWeekday = zoomWeekday({ year, month, day: 1 });
    const firstMatch = 1 + ((recurrence.monthly_week_day - firstWeekday + 7) % 7);
    if (recurrence.monthly_week === -1) {
      let day = firstMatch;
      while (day + 7 <= last) day += 7;
      return day;
    }
    const day = firstMatch + 7 * (recurrence.monthly_week - 1);
    return day <= last ? day : null;
  }
  const wanted = recurrence.monthly_day ?? fallbackDay;
  return wanted <= last ? wanted : null;
}

/** Calendar days the series may fall on, in order; null marks a month without a matching day. */
function* candidateDays(recurrence: Recurrence, first: LocalDateTime): Generator<LocalDateTime | null> {
  const interval = Math.max(1, recurrence.repeat_interval ?? 1);
  const notBeforeFirst = (d: LocalDateTime) =>
    Date.UTC(d.year, d.month - 1, d.day) >= Date.UTC(first.year, first.month - 1, first.day);
  if (recurrence.type === 1) {
    for (let i = 0; ; i += interval) yield addDays(first, i);
  } else if (recurrence.type === 2) {
    const days = weeklyDays(recurrence, zoomWeekday(first));
    const weekStart = addDays(first, 1 - zoomWeekday(first));
    for (let week = 0; ; week += interval) {
      for (const d of days) {
        const day = addDays(weekStart, week * 7 + d - 1);
        if (notBeforeFirst(day)) yield day;
      }
    }
  } else {
    for (let m = 0; ; m += interval) {
      const monthIndex = first.month - 1 + m;
      const year = first.year + Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const day = monthlyDay(recurrence, year, month, first.day);
      const candidate = day === null ? null : { ...first, year, month, day };
      yield candidate && notBeforeFirst(candidate) ? candidate : null;
    }
  }
}

/** Enough slots for 365 occurrences of any valid series; stops series that can never match. */
const MAX_SLOTS = 5000;

export function computeOccurrences(
  recurrence: Recurrence,
  startMs: number,
  duration: number,
  timeZone: string,
): Occurrence[] {
  const first = toLocal(startMs, timeZone);
  const endMs = recurrence.end_date_time ? Date.parse(recurrence.end_date_time) : undefined;
  const maxCount = endMs === undefined ? (recurrence.end_times ?? DEFAULT_END_TIMES) : MAX_OCCURRENCES;
  const out: Occurrence[] = [];
  let slots = 0;
  for (const day of candidateDays(recurrence, first)) {
    if (out.length >= Math.min(maxCount, MAX_OCCURRENCES) || ++slots > MAX_SLOTS) break;
    if (day === null) continue;
    const at = fromLocal(day, timeZone);
    if (endMs !== undefined && at > endMs) break;
    out.push({ occurrence_id: String(at), start_time: zoomTime(at), duration, status: 'available' });
  }
  return out;
}
