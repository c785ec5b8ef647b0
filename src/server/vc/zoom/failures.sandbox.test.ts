// How the client meets Zoom's failures, injected in the sandbox: rate limits, 5xx, timeouts, lost connections.
import { describe, expect, it } from 'vitest';
import { HOST, useZoomSandbox } from '../../../../test/support/zoom-sandbox-harness';
import type { ZoomError } from './errors';

const caught = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e as ZoomError);
const meeting = { topic: 'Weekly sync', type: 2 as const, start_time: '2030-02-01T10:00:00Z', duration: 60 };
const perSecond = 'You have reached the maximum per-second rate limit for this API. Try again later.';

describe('the Zoom client under failures', () => {
  const h = useZoomSandbox();

  it('waits the seconds a per-second 429 asks for and retries, also a create', async () => {
    h.state.injectFault({
      method: 'POST',
      path: '/v2/users/*/meetings',
      status: 429,
      body: { code: 429, message: perSecond },
      headers: { 'Retry-After': '2', 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Category': 'Medium' },
    });
    await expect(h.client().createMeeting(HOST, meeting)).resolves.toMatchObject({ kind: 'meeting' });
    expect(h.waits).toEqual([2000]);
    expect(h.state.countRequests({ method: 'POST', path: '/v2/users/*/meetings' })).toBe(2);
  });

  it('gives up after a bounded number of per-second 429s', async () => {
    h.state.injectFault({
      path: '/v2/users/*',
      status: 429,
      body: { code: 429, message: perSecond },
      headers: { 'X-RateLimit-Type': 'QPS' },
      times: 10,
    });
    const err = await caught(h.client().getUser(HOST));
    expect(err).toMatchObject({ kind: 'rate-limited', rateLimit: 'per-second', code: 'TOO_MANY_REQUESTS' });
    expect(h.state.countRequests({ path: '/v2/users/*' })).toBe(4);
  });

  it('does not retry a daily 429 whose Retry-After is an ISO date, and says when it lifts', async () => {
    h.state.injectFault({
      path: '/v2/meetings/*',
      status: 429,
      body: {
        code: 429,
        message:
          'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
      },
      headers: {
        'Retry-After': '2030-01-16T00:00:00Z',
        'X-RateLimit-Type': 'Daily-limit',
        'X-RateLimit-Category': 'Light',
      },
    });
    const err = await caught(h.client().getMeeting(81234567890));
    expect(err).toMatchObject({ kind: 'rate-limited', rateLimit: 'daily-account' });
    expect(err?.retryAt?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
    expect(err?.message).toBe(
      'The Zoom account has used its daily quota of Light API requests; try again in 15 h (2030-01-16T00:00:00.000Z).',
    );
    expect(h.waits).toEqual([]);
  });

  it('recognises the per-host cap from the body alone, without rate-limit headers', async () => {
    h.state.injectFault({
      method: 'POST',
      path: '/v2/users/*/meetings',
      status: 429,
      body: {
        code: 429,
        message:
          'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
      },
    });
    const err = await caught(h.client().createMeeting(HOST, meeting));
    expect(err).toMatchObject({ kind: 'rate-limited', rateLimit: 'daily-host' });
    expect(err?.retryAt?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
    expect(err?.headers).toEqual({ 'retry-after': String(15 * 3600) });
    expect(h.state.countRequests({ method: 'POST', path: '/v2/users/*/meetings' })).toBe(1);
  });

  it('meets the real per-host cap of 100 creates and updates a day, lifting at 00:00 UTC', async () => {
    const client = h.client();
    const first = await client.createMeeting(HOST, meeting);
    for (let i = 1; i < 100; i++) await client.updateMeeting(first.id, { agenda: `v${i}` });
    const err = await caught(client.updateMeeting(first.id, { agenda: 'one too many' }));
    expect(err).toMatchObject({ kind: 'rate-limited', rateLimit: 'daily-host' });
    expect(err?.message).toMatch(/limit of 100 .* resets at 00:00 UTC, in 15 h/);
    h.clock.set(new Date('2030-01-16T00:00:01Z'));
    await expect(client.updateMeeting(first.id, { agenda: 'next day' })).resolves.toEqual({
      kind: 'meeting',
    });
  });

  it('retries a GET after a 5xx', async () => {
    h.state.injectFault({ method: 'GET', path: '/v2/users/*', status: 503, times: 2 });
    await expect(h.client().getUser(HOST)).resolves.toMatchObject({ email: HOST });
    expect(h.state.countRequests({ path: '/v2/users/*' })).toBe(3);
    expect(h.waits).toHaveLength(2);
  });

  it('does not retry a create after a 5xx, and warns it may have been done', async () => {
    h.state.injectFault({ method: 'POST', path: '/v2/users/*/meetings', status: 502 });
    const err = await caught(h.client().createMeeting(HOST, meeting));
    expect(err).toMatchObject({ kind: 'unavailable', httpStatus: 502 });
    expect(err?.message).toMatch(/may have been done on Zoom anyway/);
    expect(h.state.countRequests({ method: 'POST', path: '/v2/users/*/meetings' })).toBe(1);
  });

  it('retries a DELETE and a PATCH after a 5xx, since they are idempotent', async () => {
    const client = h.client();
    const created = await client.createMeeting(HOST, meeting);
    h.state.injectFault({ method: 'PATCH', path: '/v2/meetings/*', status: 500 });
    h.state.injectFault({ method: 'DELETE', path: '/v2/meetings/*', status: 500 });
    await expect(client.updateMeeting(created.id, { topic: 'x' })).resolves.toEqual({ kind: 'meeting' });
    await expect(client.deleteMeeting(created.id)).resolves.toEqual({ kind: 'meeting' });
  });

  it('times out a GET that gets no answer, after bounded retries', async () => {
    h.state.injectFault({ method: 'GET', path: '/v2/users/*', delayMs: 1_000, times: 3 });
    const client = h.client({ timeoutMs: 100 });
    await client.getToken();
    const err = await caught(client.getUser(HOST));
    expect(err).toMatchObject({ kind: 'timeout', code: 'UNAVAILABLE' });
    expect(err?.message).toBe(`Zoom did not answer within 0.1 s when asked to look up ${HOST}.`);
  });

  it('times out a create once, without a retry that could make a second meeting', async () => {
    h.state.injectFault({ method: 'POST', path: '/v2/users/*/meetings', delayMs: 1_000 });
    const client = h.client({ timeoutMs: 100 });
    await client.getToken();
    const err = await caught(client.createMeeting(HOST, meeting));
    expect(err?.kind).toBe('timeout');
    expect(err?.message).toMatch(/may have been done on Zoom anyway: check before trying again/);
    expect(h.waits).toEqual([]);
  });

  it('retries a GET whose connection was dropped', async () => {
    h.state.injectFault({ method: 'GET', path: '/v2/users/*', dropConnection: true });
    await expect(h.client().getUser(HOST)).resolves.toMatchObject({ email: HOST });
  });

  it('logs each request with method, path, status and time, and never a token or passcode', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const client = h.client({ log: { debug: (o) => lines.push(o) } });
    await client.createMeeting(HOST, { ...meeting, password: '87654321' });
    expect(lines.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      'POST /oauth/token 200',
      `POST /v2/users/${encodeURIComponent(HOST)}/meetings 201`,
    ]);
    const token = (await client.getToken()).accessToken;
    const text = JSON.stringify(lines);
    expect(text).not.toContain(token);
    expect(text).not.toContain('87654321');
    expect(text).not.toContain('secret-convene');
  });
});
