// The server as a process: start-up failures in one line, and recovery after kill -9.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, waitHealthy } from '../support/process';

const root = path.resolve(import.meta.dirname, '../..');

const children: ChildProcess[] = [];

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr += String(b);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

function runCli(argv: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/zoom.ts', ...argv], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr += String(b);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, stderr: () => stderr, env };
}

function postgresOf(dataDir: string): number[] {
  const real = fs.realpathSync(dataDir);
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readlinkSync(`/proc/${p}/cwd`) === real;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-proc-'));
  fs.chmodSync(dir, 0o755);
  return dir;
};

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the server process', () => {
  it('starts again on the same data directory after being killed with SIGKILL, and stops PostgreSQL on SIGTERM', async () => {
    const dataDir = tmp();
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const first = startServer(env);
    await waitHealthy(port, first.child);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresOf(path.join(dataDir, 'db')).length).toBeGreaterThan(0); // the orphan is still running

    const second = startServer(env);
    await waitHealthy(port, second.child);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresOf(path.join(dataDir, 'db'))).toEqual([]);
  }, 300_000);

  it('lets the CLI use a running server’s embedded PostgreSQL without stopping it, and refuses an unknown command first', async () => {
    const dataDir = tmp();
    const port = await freePort();
    const server = startServer({ DATA_DIR: dataDir, PORT: String(port) });
    await waitHealthy(port, server.child);
    const answers: unknown[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        answers.push(await res.json());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    for (const command of ['rooms', 'check']) {
      const cli = runCli([command], { DATA_DIR: dataDir });
      await cli.exited;
      expect(cli.stderr()).not.toMatch(/orphaned postmaster|recovered/);
    }
    const unknown = runCli(['frobnicate'], { DATA_DIR: path.join(tmp(), 'never') });
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain('Unknown command "frobnicate"');
    expect(fs.existsSync(path.join(unknown.env.DATA_DIR ?? '', 'db'))).toBe(false);
    watching = false;
    await watch;
    expect(answers.length).toBeGreaterThan(0);
    expect(
      answers.filter((a) => JSON.stringify(a) !== JSON.stringify({ status: 'ok', database: 'ok' })),
    ).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 300_000);

  it.skipIf(process.getuid?.() !== 0)(
    'runs PostgreSQL as the postgres OS user when root starts it under a 0700 directory',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-private-')); // 0700, like mktemp -d
      const port = await freePort();
      const run = startServer({ DATA_DIR: path.join(dataDir, 'var'), PORT: String(port) });
      await waitHealthy(port, run.child);
      const [pid] = postgresOf(path.join(dataDir, 'var', 'db'));
      expect(pid).toBeDefined();
      expect(fs.statSync(`/proc/${pid}`).uid).not.toBe(0);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    },
    300_000,
  );

  it('stops with one line naming PORT when the port is in use', async () => {
    const blocker = net.createServer().listen(0, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    const addr = blocker.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const dataDir = tmp();
    try {
      const run = startServer({ DATA_DIR: dataDir, PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.stderr().trim()).toBe(
        `convene: PORT ${port} is already in use: stop the other program or set PORT`,
      );
      expect(postgresOf(path.join(dataDir, 'db'))).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 300_000);

  it('stops with one line naming DATA_DIR when it cannot be written', async () => {
    const file = path.join(tmp(), 'not-a-directory');
    fs.writeFileSync(file, '');
    const run = startServer({ DATA_DIR: path.join(file, 'var'), PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.stderr()).toMatch(/^convene: DATA_DIR .* cannot be written/);
  }, 300_000);

  it('stops with one line naming DATABASE_URL when the server cannot be reached', async () => {
    const run = startServer({
      DATA_DIR: tmp(),
      PORT: String(await freePort()),
      DATABASE_URL: 'postgresql://convene:secret@127.0.0.1:1/convene',
    });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.stderr()).toMatch(
      /^convene: DATABASE_URL postgresql:\/\/convene:\*\*\*@127\.0\.0\.1:1\/convene cannot be reached/,
    );
  }, 300_000);

  it('stops with one line naming a variable that has a wrong value', async () => {
    const run = startServer({ DATA_DIR: tmp(), PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim()).toBe('convene: PORT must be a port number (1-65535) (got "eighty")');
  }, 300_000);
});
