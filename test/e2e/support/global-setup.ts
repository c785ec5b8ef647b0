// Builds the app, starts it as `npm start` would (compiled, embedded PostgreSQL in a fresh DATA_DIR, a
// free PORT), waits for /healthz, hands its URL to the tests, and stops it with SIGTERM at the end.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestIdp } from '../../support/oidc-provider';
import { startSmtp } from '../../support/smtp';
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable } from './chromium';
import { E2E_IDP, E2E_IDP_USERS } from './identity-provider';

declare module 'vitest' {
  export interface ProvidedContext {
    /** mailDir: where the SMTP server the app sends to writes each e-mail it receives, as JSON. */
    e2e: { baseUrl: string; mailDir: string };
  }
}

const root = path.resolve(import.meta.dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The environment of a shell running `npm start`: without what Vitest sets (NODE_ENV=test would make
 * Vite build React's development bundle, and the app believe it runs under tests).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') delete env[key];
  return env;
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: cleanEnv() });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

/** The build and start commands: the project's scripts when present, else Vite plus tsx. */
function buildAndCommand(): { command: string; args: string[] } {
  if (fs.existsSync(path.join(root, 'scripts', 'build.mjs'))) {
    run(process.execPath, ['scripts/build.mjs']);
    return { command: process.execPath, args: ['scripts/start.mjs'] };
  }
  run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  return { command: process.execPath, args: ['--import', 'tsx', 'src/server/main.ts'] };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited (code ${child.exitCode}) before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer ${baseUrl}/healthz within 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  if (!chromiumAvailable()) {
    console.warn(CHROMIUM_MISSING_MESSAGE);
    project.provide('e2e', { baseUrl: '', mailDir: '' });
    return;
  }
  const { command, args } = buildAndCommand();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-'));
  fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres`, which must traverse it
  const baseUrl = `http://127.0.0.1:${port}`;
  // A real OpenID Provider for single sign-on, and an SMTP server whose e-mails the tests read.
  const idp = await startTestIdp({
    users: E2E_IDP_USERS,
    clients: [
      {
        clientId: E2E_IDP.clientId,
        clientSecret: E2E_IDP.clientSecret,
        redirectUris: [`${baseUrl}/api/auth/oidc/${E2E_IDP.id}/callback`],
        postLogoutRedirectUris: [`${baseUrl}/`],
      },
    ],
  });
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-mail-'));
  let mails = 0;
  const smtp = await startSmtp((mail) => {
    mails += 1;
    fs.writeFileSync(path.join(mailDir, `${String(mails).padStart(5, '0')}.json`), JSON.stringify(mail));
  });
  let output = '';
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BASE_URL: baseUrl,
      SMTP_URL: smtp.url,
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: E2E_IDP.id,
          name: E2E_IDP.name,
          issuer: idp.issuer,
          clientId: E2E_IDP.clientId,
          clientSecret: E2E_IDP.clientSecret,
        },
      ]),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (err) {
    await stop(child);
    await Promise.all([idp.close(), smtp.close()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('e2e', { baseUrl, mailDir });
  return async () => {
    await stop(child);
    await Promise.all([idp.close(), smtp.close()]);
    fs.rmSync(mailDir, { recursive: true, force: true });
    if (child.exitCode !== 0 && child.signalCode === null)
      console.warn(`the app stopped with code ${child.exitCode}:\n${output}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
