import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type BuildAppOptions, buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import { installPoolErrorHandlers, makeDb } from '../../src/server/db/client';
import { makeDeps } from '../../src/server/deps';
import type { App, AppDeps, Clock } from '../../src/server/http/types';
import { runDueJobs } from '../../src/server/jobs/jobs';
import { mountInProcessSandbox } from '../../src/server/zoom-sandbox-mode';
import { installRequestValidator } from '../../src/zoom-sandbox/request-schema';
import { createTestDatabase, type TestDatabase } from './database';
import { connFor } from './pg-conn';
import { zoomDocumentValidator } from './zoom-openapi';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:8080',
    secureCookies: false,
    databaseUrl: undefined,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-test-data-')),
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    logLevel: 'silent',
    smtpUrl: undefined,
    mailFrom: 'Convene <convene@test.invalid>',
    oidcProviders: [],
    trustProxy: false,
    zoom: {
      accountId: undefined,
      clientId: undefined,
      clientSecret: undefined,
      webhookSecret: undefined,
      oauthTokenUrl: 'https://zoom.us/oauth/token',
      apiBaseUrl: 'https://api.zoom.us/v2',
      timeoutMs: 10_000,
    },
    ...overrides,
  };
}

/** A clock tests can move: `clock.set(date)`, `clock.advance(ms)`. */
export function fakeClock(start = new Date('2030-01-15T09:00:00Z')) {
  let now = start.getTime();
  const clock = (() => new Date(now)) as Clock & { set(d: Date): void; advance(ms: number): void };
  clock.set = (d: Date) => {
    now = d.getTime();
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export interface TestApp {
  app: App;
  deps: AppDeps;
  database: TestDatabase;
}

export interface TestAppOptions {
  clock?: Clock;
  config?: Partial<Config>;
  /** Fastify's logger (default: none), e.g. the app's own options with a stream that captures the lines. */
  logger?: BuildAppOptions['logger'];
  /** The app's videoconference providers (default: the server's). */
  vcProviders?: BuildAppOptions['vcProviders'];
}

export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  // The app's Zoom sandbox refuses what Zoom's published document refuses: Convene's requests are checked.
  installRequestValidator(zoomDocumentValidator);
  const database = await createTestDatabase();
  const deps: AppDeps = makeDeps({
    config: testConfig(opts.config),
    db: database.db,
    pool: database.pool,
    clock: opts.clock,
  });
  const app = await buildApp(deps, {
    logger: opts.logger ?? false,
    zoomStandIn: mountInProcessSandbox,
    ...(opts.vcProviders ? { vcProviders: opts.vcProviders } : {}),
  });
  await app.ready();
  return { app, deps, database };
}

/**
 * A second instance of the app on the same database (its own pool, jobs and Zoom client), as a second server
 * behind a load balancer. Its Zoom client talks to `zoom` (e.g. the first app's sandbox, listening).
 */
export async function buildSecondApp(
  t: TestApp,
  opts: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<{ app: App; deps: AppDeps; close(): Promise<void> }> {
  const { target } = inject('pg');
  const pool = new pg.Pool({ ...connFor(target, t.database.name), max: 8 });
  installPoolErrorHandlers(pool, () => undefined);
  const deps: AppDeps = makeDeps({
    config: testConfig(opts.config),
    db: makeDb(pool),
    pool,
    clock: opts.clock,
  });
  const app = await buildApp(deps, { logger: false, zoomStandIn: mountInProcessSandbox });
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs the background jobs that are due now (tests drive the queue explicitly). */
export async function runJobs(t: TestApp): Promise<void> {
  await runDueJobs({ pool: t.deps.pool, registry: t.deps.jobs, log: quietLog });
  // runOnce can resolve before the outcome of the last job it ran is written (seen under load: attempts
  // counted, error not yet recorded, row still locked); wait for it, so tests read the settled queue.
  for (let waited = 0; waited < 5000; waited += 20) {
    const { rows } = await t.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL',
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('a background job stayed locked for 5 s after the queue ran');
}

/**
 * One app and one database for a test file, built before its tests and dropped after them.
 * Read the fields inside tests (they are set in beforeAll).
 */
export function useTestApp(opts: TestAppOptions = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await buildTestApp(opts));
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.database?.drop();
  });
  return holder;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client over app.inject(): keeps cookies and echoes the CSRF cookie in its header. */
export class Agent {
  private cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.cookies.has('convene_csrf')) await this.request('GET', '/api/auth/session');
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('convene_csrf');
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string, body?: unknown) {
    return this.request('DELETE', url, body);
  }
  hasCookie(name: string) {
    return this.cookies.has(name);
  }
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }
}
