/** The sandbox's notion of "now": an injectable base clock plus an offset tests can move. */
export type Clock = () => Date;

export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = () => new Date()) {}

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.base().getTime() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Zoom writes instants in UTC without milliseconds, e.g. 2026-05-01T10:00:00Z (zoom_api.md §2.2). */
export function zoomTime(instant: Date | number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UTC calendar day of an instant, used to key the daily counters that reset at 00:00 UTC. */
export function utcDay(instantMs: number): string {
  return new Date(instantMs).toISOString().slice(0, 10);
}

/** Daily limits reset at 00:00 UTC (zoom_api.md §3). */
export function nextUtcMidnight(instantMs: number): number {
  const d = new Date(instantMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
