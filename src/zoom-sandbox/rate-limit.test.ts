import { describe, expect, it } from 'vitest';
import { ZoomApiError } from './errors';
import { PLANS, RateLimiter } from './rate-limit';
import { createMeeting, makeSandbox, makeUser, T0 } from './test-helpers';

function thrownBy(fn: () => unknown): ZoomApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZoomApiError) return err;
    throw err;
  }
  throw new Error('expected a ZoomApiError');
}

const perSecondBody = {
  code: 429,
  message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
};

describe('per-second limits', () => {
  it('puts the rate-limit headers on successful answers', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/users/me');
    expect(res.headers).toMatchObject({
      'x-ratelimit-category': 'Light',
      'x-ratelimit-type': 'QPS',
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
    });
  });

  it('answers 429 once the account has used its Light requests in a second, and again after it', async () => {
    const sandbox = await makeSandbox();
    await sandbox.token();
    for (let i = 0; i < 30; i++) expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(200);
    const limited = await sandbox.call('GET', '/v2/users/me');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual(perSecondBody);
    expect(limited.headers).toMatchObject({
      'x-ratelimit-category': 'Light',
      'x-ratelimit-type': 'QPS',
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '0',
    });
    expect(limited.headers['retry-after']).toBeUndefined();
    sandbox.state.advanceClock(1000);
    expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(200);
  });

  it('keeps one bucket per label and shares it between the account’s tokens', async () => {
    const sandbox = await makeSandbox();
    const a = await sandbox.token();
    const b = await sandbox.token();
    for (let i = 0; i < 20; i++) {
      expect((await sandbox.call('GET', '/v2/users/me/settings', undefined, i % 2 ? a : b)).statusCode).toBe(
        200,
      );
    }
    expect((await sandbox.call('GET', '/v2/users/me/settings', undefined, a)).statusCode).toBe(429);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, b)).statusCode).toBe(200);
  });

  it('uses the plan’s numbers', async () => {
    const sandbox = await makeSandbox({ plan: 'business' });
    expect((await sandbox.call('GET', '/v2/users/me')).headers['x-ratelimit-limit']).toBe('80');
  });
});

describe('the per-host daily cap on meeting create and update', () => {
  it('counts down from 100, then answers 429 until the next 00:00 UTC', async () => {
    const sandbox = await makeSandbox();
    const first = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'm' });
    expect(first.headers).toMatchObject({
      'x-ratelimit-category': 'Medium',
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99',
    });
    const id = first.json().id;
    for (let i = 1; i < 100; i++) {
      sandbox.state.advanceClock(100);
      const res = await sandbox.call('PATCH', `/v2/meetings/${id}`, { topic: `m${i}` });
      expect(res.statusCode).toBe(204);
    }
    sandbox.state.advanceClock(100);
    const limited = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'one too many' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      code: 429,
      message:
        'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
    });
    expect(limited.headers).toMatchObject({
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '0',
      'retry-after': '2026-03-03T00:00:00Z',
    });
    expect((await sandbox.call('DELETE', `/v2/meetings/${id}`)).statusCode).toBe(204);
    sandbox.state.setClockOffset(Date.parse('2026-03-03T00:00:00Z') - T0);
    const token = await sandbox.token(); // the morning's token expired hours ago
    const next = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'a new day' }, token);
    expect(next.statusCode).toBe(201);
    expect(next.headers['x-ratelimit-remaining']).toBe('99');
  });

  it('counts per host, against the host named by schedule_for, and not deletes', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'busy@example.org' }), makeUser({ email: 'free@example.org' })],
    });
    for (let i = 0; i < 100; i++) {
      sandbox.state.advanceClock(100);
      const m = await createMeeting(sandbox, { schedule_for: 'busy@example.org' });
      sandbox.state.advanceClock(100);
      expect((await sandbox.call('DELETE', `/v2/meetings/${m.id}`)).statusCode).toBe(204);
    }
    sandbox.state.advanceClock(100);
    expect(
      (await sandbox.call('POST', '/v2/users/me/meetings', { schedule_for: 'busy@example.org' })).statusCode,
    ).toBe(429);
    expect((await sandbox.call('POST', '/v2/users/busy@example.org/meetings', {})).statusCode).toBe(429);
    expect((await sandbox.call('POST', '/v2/users/me/meetings', {})).statusCode).toBe(201);
    expect((await sandbox.call('POST', '/v2/users/free@example.org/meetings', {})).statusCode).toBe(201);
  });

  it('keeps a separate cap for webinars, with its own message', () => {
    let now = T0;
    const limiter = new RateLimiter(PLANS.pro, () => now);
    for (let i = 0; i < 100; i++) limiter.consumeHostDaily('meeting', 'h', 'Medium');
    expect(() => limiter.consumeHostDaily('meeting', 'h', 'Medium')).toThrow(ZoomApiError);
    expect(limiter.consumeHostDaily('webinar', 'h', 'Light')['X-RateLimit-Remaining']).toBe('99');
    for (let i = 1; i < 100; i++) limiter.consumeHostDaily('webinar', 'h', 'Light');
    expect(() => limiter.consumeHostDaily('webinar', 'h', 'Light')).toThrow(/Webinar Create\/Update/);
    now = Date.parse('2026-03-03T00:00:00Z');
    expect(limiter.consumeHostDaily('webinar', 'h', 'Light')['X-RateLimit-Remaining']).toBe('99');
  });
});

describe('daily account quotas', () => {
  it('stop a Free account after its daily Medium requests, with Retry-After at the next UTC midnight', () => {
    let now = T0;
    const limiter = new RateLimiter(PLANS.free, () => now);
    for (let i = 0; i < 2000; i++) {
      now += 500;
      limiter.consume('acct', 'Medium');
    }
    now += 500;
    const error = thrownBy(() => limiter.consume('acct', 'Medium'));
    expect(error.body()).toEqual({
      code: 429,
      message:
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    });
    expect(error.headers).toMatchObject({
      'X-RateLimit-Category': 'Medium',
      'X-RateLimit-Type': 'Daily-limit',
      'X-RateLimit-Limit': '2000',
      'Retry-After': '2026-03-03T00:00:00Z',
    });
    expect(() => limiter.consume('other-account', 'Medium')).not.toThrow();
  });
});
