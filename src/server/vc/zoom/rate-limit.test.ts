import { describe, expect, it } from 'vitest';
import { classifyRateLimit, describeWait, nextUtcMidnight, parseRetryAfter } from './rate-limit';

const now = new Date('2030-01-15T09:00:00Z');

describe('Retry-After', () => {
  it('reads a number of seconds as a delay from now', () => {
    expect(parseRetryAfter('3', now)?.toISOString()).toBe('2030-01-15T09:00:03.000Z');
  });

  it('reads an ISO-8601 timestamp as the moment itself', () => {
    expect(parseRetryAfter('2030-01-16T00:00:00Z', now)?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
  });

  it('reads an ISO timestamp without a zone as UTC, the zone of Zoom’s daily reset', () => {
    expect(parseRetryAfter('2030-01-16T00:00:00', now)?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
  });

  it('reads an HTTP-date', () => {
    expect(parseRetryAfter('Wed, 16 Jan 2030 00:00:00 GMT', now)?.toISOString()).toBe(
      '2030-01-16T00:00:00.000Z',
    );
  });

  it('ignores an absent or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('classifying a 429', () => {
  it('takes X-RateLimit-Type QPS as a per-second limit', () => {
    const info = classifyRateLimit(
      new Headers({ 'x-ratelimit-type': 'QPS', 'x-ratelimit-category': 'Light' }),
      'You have reached the maximum per-second rate limit for this API. Try again later.',
      now,
    );
    expect(info).toEqual({ rateLimit: 'per-second', retryAt: undefined, category: 'Light' });
  });

  it('takes X-RateLimit-Type Daily-limit with an ISO Retry-After as the account’s daily quota', () => {
    const info = classifyRateLimit(
      new Headers({ 'x-ratelimit-type': 'Daily-limit', 'retry-after': '2030-01-16T00:00:00Z' }),
      'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
      now,
    );
    expect(info.rateLimit).toBe('daily-account');
    expect(info.retryAt?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
  });

  it('recognises the per-host cap from the body alone and expects it to lift at 00:00 UTC', () => {
    const info = classifyRateLimit(
      new Headers(),
      'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
      now,
    );
    expect(info.rateLimit).toBe('daily-host');
    expect(info.retryAt?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
  });

  it('takes a short Retry-After in seconds without other hints as a per-second limit', () => {
    const info = classifyRateLimit(new Headers({ 'retry-after': '2' }), 'Too many requests', now);
    expect(info.rateLimit).toBe('per-second');
    expect(info.retryAt?.toISOString()).toBe('2030-01-15T09:00:02.000Z');
  });

  it('takes a Retry-After hours away without other hints as a daily limit', () => {
    const info = classifyRateLimit(new Headers({ 'retry-after': '2030-01-16T00:00:00Z' }), '', now);
    expect(info.rateLimit).toBe('daily-account');
  });
});

describe('time helpers', () => {
  it('finds the next midnight UTC, also just before it', () => {
    expect(nextUtcMidnight(now).toISOString()).toBe('2030-01-16T00:00:00.000Z');
    expect(nextUtcMidnight(new Date('2030-01-31T23:59:59Z')).toISOString()).toBe('2030-02-01T00:00:00.000Z');
  });

  it('describes waits in seconds, minutes and hours', () => {
    expect(describeWait(new Date('2030-01-15T09:00:12Z'), now)).toBe('in 12 s');
    expect(describeWait(new Date('2030-01-15T09:10:00Z'), now)).toBe('in 10 min');
    expect(describeWait(new Date('2030-01-16T00:00:00Z'), now)).toBe('in 15 h');
  });
});
