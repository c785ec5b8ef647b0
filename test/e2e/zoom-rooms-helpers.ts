// Set-up for the Zoom rooms e2e test: people and events made through the API, and, for what only Zoom can
// do (delete a meeting on zoom.us), a Convene server of its own connected to a standalone Zoom sandbox
// whose test controls this process holds, as a production server is connected to Zoom.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildZoomSandbox, createSandboxState, type SandboxState } from '../../src/zoom-sandbox';
import { apiCall } from './vc-helpers';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A user account made by the administrator logged in on `page`; returns its id. */
export async function createUser(page: Page, who: Person): Promise<number> {
  const user = await apiCall<{ id: number }>(page, 'POST', '/api/admin/users', {
    name: who.name,
    email: who.email,
    password: who.password,
  });
  return user.id;
}

/** Makes `userId` a manager of the event, beside its current managers. */
export async function addManager(page: Page, eventId: number, userId: number): Promise<void> {
  const protection = await apiCall<{ version: number; managers: Array<{ id: number }> }>(
    page,
    'GET',
    `/api/events/${eventId}/protection`,
  );
  await apiCall(page, 'PUT', `/api/events/${eventId}/protection`, {
    version: protection.version,
    managerIds: [...protection.managers.map((m) => m.id), userId],
  });
}

/** Logs in through the API, with the page's cookies (faster than the form, which first-run.e2e tests). */
export async function logInAs(page: Page, who: Person): Promise<void> {
  // The session answer hands out the CSRF cookie the login must echo.
  await apiCall(page, 'GET', '/api/auth/session');
  await apiCall(page, 'POST', '/api/auth/login', { email: who.email, password: who.password });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const root = path.resolve(import.meta.dirname, '../..');

export interface ZoomWorld {
  baseUrl: string;
  sandbox: SandboxState;
  stop(): Promise<void>;
}

/**
 * A standalone Zoom sandbox (as `npm run zoom-sandbox` runs it) and a Convene server (the build of the
 * global setup, a fresh DATA_DIR) configured with its credentials through the environment, as a
 * production server is configured for Zoom. Zoom's notifications reach Convene's webhook, signed.
 */
export async function startZoomWorld(
  users: Person[],
  opts: { port?: number; env?: Record<string, string> } = {},
): Promise<ZoomWorld> {
  const [zoomPort, port] = [await freePort(), opts.port ?? (await freePort())];
  const zoomUrl = `http://127.0.0.1:${zoomPort}`;
  const baseUrl = `http://127.0.0.1:${port}`;
  const credentials = { accountId: 'e2e-account', clientId: 'e2e-client', clientSecret: 'e2e-secret' };
  const webhookSecret = 'e2e-webhook-secret';
  const sandbox = createSandboxState({
    publicUrl: zoomUrl,
    credentials,
    webhook: { url: `${baseUrl}/api/vc/zoom/webhook`, secretToken: webhookSecret },
    users: users.map((u) => {
      const [firstName = u.name, ...rest] = u.name.split(' ');
      return { email: u.email, firstName, lastName: rest.join(' ') };
    }),
  });
  const zoom = await buildZoomSandbox({ state: sandbox });
  await zoom.listen({ port: zoomPort, host: '127.0.0.1' });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-zoom-rooms-'));
  fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres`, which must traverse it
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    ZOOM_ACCOUNT_ID: credentials.accountId,
    ZOOM_CLIENT_ID: credentials.clientId,
    ZOOM_CLIENT_SECRET: credentials.clientSecret,
    ZOOM_WEBHOOK_SECRET: webhookSecret,
    ZOOM_OAUTH_TOKEN_URL: `${zoomUrl}/oauth/token`,
    ZOOM_API_BASE_URL: `${zoomUrl}/v2`,
    ...opts.env,
  };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null)
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    await zoom.close();
    sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { baseUrl, sandbox, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the app did not start:\n${output}`);
}
