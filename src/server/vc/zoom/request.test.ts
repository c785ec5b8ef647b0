// The failure policy of one call, with a scripted fetch and a stub token source (no database, no sandbox).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isZoomError } from './errors';
import { makeRuntime, type ZoomLogger } from './http';
import { type CallSpec, DEFAULT_RETRY_POLICY, type TokenProvider, ZoomApi } from './request';
import type { ZoomToken } from './token';

type Reply = Response | Error | 'hang';

function setup(replies: Reply[], opts: { timeoutMs?: number } = {}) {
  const seen: Array<{ method: string; url: string; auth: string }> = [];
  const waits: number[] = [];
  const logs: Array<Record<string, unknown>> = [];
  let current = 1;
  const invalidated: string[] = [];
  const tokens: TokenProvider = {
    get: async (): Promise<ZoomToken> => ({
      accessToken: `tok-${current}`,
      apiUrl: 'https://api.example.test/v2',
      scopes: [],
      expiresAt: new Date('2030-01-15T10:00:00Z'),
      obtainedAt: new Date('2030-01-15T09:00:00Z'),
    }),
    invalidate: (t) => {
      invalidated.push(t.accessToken);
      current++;
    },
  };
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    seen.push({ method: init.method ?? 'GET', url, auth: headers.get('authorization') ?? '' });
    const next = replies.shift();
    if (!next) throw new Error('no more scripted replies');
    if (next === 'hang')
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    if (next instanceof Error) throw next;
    return next;
  };
  const log: ZoomLogger = { debug: (o) => logs.push(o) };
  const rt = makeRuntime(
    {
      fetch,
      clock: () => new Date('2030-01-15T09:00:00Z'),
      sleep: async (ms) => {
        waits.push(ms);
      },
      log,
    },
    opts.timeoutMs ?? 1000,
  );
  return { api: new ZoomApi(tokens, rt, DEFAULT_RETRY_POLICY), seen, waits, logs, invalidated };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const get: CallSpec = {
  method: 'GET',
  path: '/meetings/1',
  idempotent: true,
  ctx: { operation: 'read meeting 1' },
};
const create: CallSpec = {
  method: 'POST',
  path: '/users/a%40x.org/meetings',
  body: { topic: 't' },
  idempotent: false,
  ctx: { operation: 'create a meeting' },
};
const okBody = z.object({ id: z.number() });

describe('one call to Zoom', () => {
  it('retries a GET after a 5xx and a network error, then succeeds', async () => {
    const t = setup([json(503, {}), new TypeError('fetch failed'), json(200, { id: 1 })]);
    await expect(t.api.json(get, okBody)).resolves.toEqual({ id: 1 });
    expect(t.seen).toHaveLength(3);
    expect(t.waits).toHaveLength(2);
  });

  it('gives up on a GET after the bounded number of retries', async () => {
    const t = setup([json(502, {}), json(502, {}), json(502, {})]);
    await expect(t.api.json(get, okBody)).rejects.toMatchObject({ kind: 'unavailable', httpStatus: 502 });
    expect(t.seen).toHaveLength(3);
  });

  it('never retries a create after a 5xx, and says it may have been done', async () => {
    const t = setup([json(500, {})]);
    const err = await t.api.json(create, okBody).catch((e: unknown) => e);
    expect(isZoomError(err, 'unavailable')).toBe(true);
    expect((err as Error).message).toMatch(/may have been done on Zoom anyway/);
    expect(t.seen).toHaveLength(1);
  });

  it('retries a create after a per-second 429, since Zoom did nothing', async () => {
    const t = setup([
      json(
        429,
        { code: 429, message: 'per-second rate limit' },
        { 'x-ratelimit-type': 'QPS', 'retry-after': '2' },
      ),
      json(201, { id: 7 }),
    ]);
    await expect(t.api.json(create, okBody)).resolves.toEqual({ id: 7 });
    expect(t.waits).toEqual([2000]);
  });

  it('raises a daily 429 at once with the moment it lifts', async () => {
    const t = setup([
      json(
        429,
        { code: 429, message: 'daily limit' },
        { 'x-ratelimit-type': 'Daily-limit', 'retry-after': '2030-01-16T00:00:00Z' },
      ),
    ]);
    await expect(t.api.json(create, okBody)).rejects.toMatchObject({
      kind: 'rate-limited',
      rateLimit: 'daily-account',
      retryAt: new Date('2030-01-16T00:00:00Z'),
    });
    expect(t.seen).toHaveLength(1);
  });

  it('stops waiting after the bounded number of per-second 429s', async () => {
    const qps = () =>
      json(429, { code: 429, message: 'per-second rate limit' }, { 'x-ratelimit-type': 'QPS' });
    const t = setup([qps(), qps(), qps(), qps()]);
    await expect(t.api.json(get, okBody)).rejects.toMatchObject({
      kind: 'rate-limited',
      rateLimit: 'per-second',
    });
    expect(t.waits).toEqual([1000, 2000, 3000]);
  });

  it('on a 401 drops the token and retries once with a new one', async () => {
    const t = setup([json(401, { code: 124, message: 'Access token is expired.' }), json(200, { id: 1 })]);
    await expect(t.api.json(get, okBody)).resolves.toEqual({ id: 1 });
    expect(t.invalidated).toEqual(['tok-1']);
    expect(t.seen.map((s) => s.auth)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('raises a token error when the new token is refused too', async () => {
    const t = setup([
      json(401, { code: 124, message: 'Invalid access token.' }),
      json(401, { code: 124, message: 'Invalid access token.' }),
    ]);
    await expect(t.api.json(get, okBody)).rejects.toMatchObject({ kind: 'token', zoomCode: 124 });
    expect(t.seen).toHaveLength(2);
  });

  it('times out a call that gets no answer', async () => {
    const t = setup(['hang', 'hang', 'hang'], { timeoutMs: 30 });
    const err = await t.api.json(get, okBody).catch((e: unknown) => e);
    expect(isZoomError(err, 'timeout')).toBe(true);
    expect((err as Error).message).toBe('Zoom did not answer within 0.03 s when asked to read meeting 1.');
    expect(t.seen).toHaveLength(3);
  });

  it('reports a body that does not match the expected shape', async () => {
    const t = setup([json(200, { id: 'x' })]);
    await expect(t.api.json(get, okBody)).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('logs method, path, status and time, never the token or the query', async () => {
    const t = setup([json(200, { id: 1 })]);
    await t.api.json({ ...get, query: { next_page_token: 'secret-page' } }, okBody);
    expect(t.logs).toEqual([{ method: 'GET', path: '/v2/meetings/1', status: 200, ms: expect.any(Number) }]);
    expect(JSON.stringify(t.logs)).not.toMatch(/tok-|secret-page/);
  });
});
