// What an administrator reads when Convene starts for the first time: no ERROR, and one line saying the
// version, the URL and the mode (embedded database or server, Zoom sandbox or Zoom).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conveneVersion } from '../../src/server/paths';
import { freePort, waitHealthy } from '../support/process';

const root = path.resolve(import.meta.dirname, '../..');

describe('the log of a first start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-start-log-'));
  fs.chmodSync(dataDir, 0o755); // as a data directory made by hand would be (as root, postgres must traverse it)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has no error and one line with the version, the URL, the embedded database and the Zoom sandbox', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        PORT: String(port),
        DATA_DIR: dataDir,
        BASE_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += String(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      out += String(b);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitHealthy(port, child);
    while (!out.includes('ready at') && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const lines = out.trim().split('\n');
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as { level: number; msg: string; [k: string]: unknown };
      } catch {
        return { level: 0, msg: line };
      }
    });
    expect(lines.filter((l) => /\bERROR\b|FATAL|PANIC/.test(l))).toEqual([]);
    expect(entries.filter((e) => e.level >= 40)).toEqual([]);
    expect(entries.filter((e) => /Server listening|crontab|Worker connected/.test(e.msg))).toEqual([]);
    const ready = entries.filter((e) => e.msg.includes('ready at'));
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({
      level: 30,
      version: conveneVersion(),
      url: `http://127.0.0.1:${port}`,
      zoom: 'Zoom sandbox',
    });
    expect(ready[0]?.msg).toBe(
      `Convene ${conveneVersion()} ready at http://127.0.0.1:${port} · embedded PostgreSQL (${dataDir}/db) · Zoom sandbox`,
    );
  }, 300_000);
});
