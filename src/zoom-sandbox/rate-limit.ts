// Zoom's rate limits (zoom_api.md §3): per-account token buckets per label, per-account daily
// quotas where the plan has them, and the per-host 100/day cap on meeting/webinar create+update.
// Everything runs on the sandbox clock so tests can cross seconds and UTC midnights at will.
import { nextUtcMidnight, utcDay, zoomTime } from './clock';
import { ZoomApiError } from './errors';
import type { Kind, PlanName, RateLabel } from './types';

interface Rate {
  /** Requests allowed per window, which is also the bucket's capacity. */
  count: number;
  windowMs: number;
}

interface PlanLimits {
  rates: Record<RateLabel, Rate>;
  /** Daily quota per label; labels naming the same group share one counter. */
  daily: Partial<Record<RateLabel, { group: string; limit: number }>>;
}

const perSecond = (count: number): Rate => ({ count, windowMs: 1000 });
const perMinute = (count: number): Rate => ({ count, windowMs: 60_000 });

export const PLANS: Record<PlanName, PlanLimits> = {
  // The Free row comes from secondary write-ups only (zoom_api.md §3).
  free: {
    rates: {
      Light: perSecond(4),
      Medium: perSecond(2),
      Heavy: perSecond(1),
      'Resource-intensive': perMinute(10),
    },
    daily: {
      Light: { group: 'Light', limit: 6000 },
      Medium: { group: 'Medium', limit: 2000 },
      Heavy: { group: 'Heavy', limit: 1000 },
      'Resource-intensive': { group: 'Resource-intensive', limit: 30_000 },
    },
  },
  pro: {
    rates: {
      Light: perSecond(30),
      Medium: perSecond(20),
      Heavy: perSecond(10),
      'Resource-intensive': perMinute(10),
    },
    daily: {
      Heavy: { group: 'Heavy', limit: 30_000 },
      'Resource-intensive': { group: 'Heavy', limit: 30_000 },
    },
  },
  business: {
    rates: {
      Light: perSecond(80),
      Medium: perSecond(60),
      Heavy: perSecond(40),
      'Resource-intensive': perMinute(20),
    },
    daily: {
      Heavy: { group: 'Heavy', limit: 60_000 },
      'Resource-intensive': { group: 'Heavy', limit: 60_000 },
    },
  },
};

/** Create+update of one host's meetings (and, separately, webinars) per UTC day (zoom_api.md §3). */
export const HOST_DAILY_LIMIT = 100;

export const RATE_MESSAGES = {
  perSecond: 'You have reached the maximum per-second rate limit for this API. Try again later.',
  daily:
    'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
  host: (kind: Kind) =>
    `You have exceeded the daily rate limit (${HOST_DAILY_LIMIT}) of ${kind === 'meeting' ? 'Meeting' : 'Webinar'} Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`,
};

export type RateHeaders = Record<string, string>;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private dailyCounts = new Map<string, number>();

  constructor(
    private readonly plan: PlanLimits,
    private readonly nowMs: () => number,
  ) {}

  reset(): void {
    this.buckets.clear();
    this.dailyCounts.clear();
  }

  /** Takes one request from the account's bucket for `label`; throws Zoom's 429 when there is none. */
  consume(accountId: string, label: RateLabel): RateHeaders {
    const now = this.nowMs();
    const daily = this.plan.daily[label];
    const dailyKey = daily && `account:${accountId}:${daily.group}:${utcDay(now)}`;
    const used = dailyKey ? (this.dailyCounts.get(dailyKey) ?? 0) : 0;
    if (daily && used >= daily.limit) throw dailyError(label, daily.limit, now, RATE_MESSAGES.daily);
    const rate = this.plan.rates[label];
    const bucket = this.refill(`${accountId}:${label}`, rate, now);
    if (bucket.tokens < 1) {
      throw new ZoomApiError(429, 429, RATE_MESSAGES.perSecond, [], headers(label, 'QPS', rate.count, 0));
    }
    bucket.tokens -= 1;
    if (dailyKey) this.dailyCounts.set(dailyKey, used + 1);
    return headers(label, 'QPS', rate.count, Math.floor(bucket.tokens));
  }

  /** Counts one create/update against the host's daily cap, which DELETE does not touch. */
  consumeHostDaily(kind: Kind, hostId: string, label: RateLabel): RateHeaders {
    const now = this.nowMs();
    const key = `host:${kind}:${hostId}:${utcDay(now)}`;
    const used = this.dailyCounts.get(key) ?? 0;
    if (used >= HOST_DAILY_LIMIT) throw dailyError(label, HOST_DAILY_LIMIT, now, RATE_MESSAGES.host(kind));
    this.dailyCounts.set(key, used + 1);
    // On create/update the remaining count runs down from 100 (zoom_api.md §3).
    return headers(label, 'Daily-limit', HOST_DAILY_LIMIT, HOST_DAILY_LIMIT - used - 1);
  }

  private refill(key: string, rate: Rate, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: rate.count, updatedMs: now };
    const elapsed = Math.max(0, now - bucket.updatedMs);
    bucket.tokens = Math.min(rate.count, bucket.tokens + (elapsed * rate.count) / rate.windowMs);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}

function headers(
  label: RateLabel,
  type: 'QPS' | 'Daily-limit',
  limit: number,
  remaining: number,
): RateHeaders {
  return {
    'X-RateLimit-Category': label,
    'X-RateLimit-Type': type,
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
  };
}

/** Daily 429s carry Retry-After as an ISO-8601 instant, the next 00:00 UTC (zoom_api.md §3). */
function dailyError(label: RateLabel, limit: number, now: number, message: string): ZoomApiError {
  return new ZoomApiError(429, 429, message, [], {
    ...headers(label, 'Daily-limit', limit, 0),
    'Retry-After': zoomTime(nextUtcMidnight(now)),
  });
}
