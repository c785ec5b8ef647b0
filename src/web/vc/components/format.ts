// Dates as the event's pages show them: in the event's timezone.
const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timezone: string) {
  let f = formats.get(timezone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: timezone,
      }),
      time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: timezone }),
    };
    formats.set(timezone, f);
  }
  return f;
}

/** "Sat 1 Jun 2030, 10:00–12:00" (the end's day too when it differs). */
export function formatSpan(start: string, end: string | null, timezone: string): string {
  const f = formatsFor(timezone);
  const s = new Date(start);
  const startText = `${f.day.format(s)}, ${f.time.format(s)}`;
  if (!end) return startText;
  const e = new Date(end);
  return f.day.format(e) === f.day.format(s)
    ? `${startText}–${f.time.format(e)}`
    : `${startText} – ${f.day.format(e)}, ${f.time.format(e)}`;
}

/** "1 Jun 2030, 10:00" in the viewer's own timezone (for when something was done). */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
