// Reading Zoom's 429s: which limit was hit and when the call may be tried again (zoom_api.md §3).
import type { RateLimit } from './errors';

export interface RateLimitInfo {
  rateLimit: RateLimit;
  /** When the limit lifts; always set for daily limits, set for per-second ones only when Zoom says. */
  retryAt: Date | undefined;
  /** X-RateLimit-Category (Light, Medium, Heavy, Resource-intensive), when present. */
  category: string | undefined;
}

/** A wait beyond this is no per-second limit, whatever the headers say. */
const PER_SECOND_HORIZON_MS = 60_000;

/**
 * `Retry-After` as a moment: Zoom sends an ISO-8601 timestamp on daily limits (zoom_api.md §3), HTTP
 * allows seconds or an HTTP-date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return new Date(now.getTime() + Math.ceil(Number(text) * 1000));
  // An ISO timestamp without a zone would be read as local time; Zoom's limits reset on UTC (zoom_api.md §3).
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** The next 00:00 UTC after `now`: when the per-host 100 creates/updates a day reset (zoom_api.md §3). */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

const PER_SECOND_MESSAGE = /per[- ]second|\bqps\b/i;
const DAILY_MESSAGE = /daily|per day|a day|one day|GMT 00:00|00:00 ?UTC/i;
// The per-host cap's message speaks of a single user's meetings/webinars (zoom_api.md §3).
const HOST_MESSAGE = /\buser\b|\bhost\b|meetings? .*(created|updated)|webinars? .*(created|updated)/i;

/**
 * Classifies a 429 from its headers and body. A per-host daily 429 has been seen without
 * X-RateLimit-Type or Retry-After (zoom_api.md §3), so the body's message is read as well.
 */
export function classifyRateLimit(headers: Headers, message: string, now: Date): RateLimitInfo {
  const type = headers.get('x-ratelimit-type') ?? '';
  const category = headers.get('x-ratelimit-category') ?? undefined;
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  let daily: boolean;
  if (/daily/i.test(type)) daily = true;
  else if (/qps|second/i.test(type)) daily = false;
  else if (PER_SECOND_MESSAGE.test(message)) daily = false;
  else if (DAILY_MESSAGE.test(message)) daily = true;
  else daily = retryAfter !== undefined && retryAfter.getTime() - now.getTime() > PER_SECOND_HORIZON_MS;
  if (!daily) return { rateLimit: 'per-second', retryAt: retryAfter, category };
  const rateLimit: RateLimit = HOST_MESSAGE.test(message) ? 'daily-host' : 'daily-account';
  return { rateLimit, retryAt: retryAfter ?? nextUtcMidnight(now), category };
}

/** "in 3 h 20 min", "in 12 s": how long until `at`, for messages. */
export function describeWait(at: Date, now: Date): string {
  const s = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));
  if (s < 60) return `in ${s} s`;
  const min = Math.ceil(s / 60);
  if (min < 60) return `in ${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `in ${h} h ${rest} min` : `in ${h} h`;
}
