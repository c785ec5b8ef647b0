// Times are stored in UTC; days are computed in the event's timezone.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `at` in `timezone`. */
export function dayIn(at: Date, timezone: string): string {
  let fmt = dayFormats.get(timezone);
  if (!fmt) {
    // en-CA formats dates as YYYY-MM-DD.
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, fmt);
  }
  return fmt.format(at);
}

export const MINUTE_MS = 60_000;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export function shiftDate(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

export function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/** The canonical spelling of a timezone Intl accepts ('europe/zurich' → 'Europe/Zurich'). */
export function canonicalTimezone(timezone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
}
