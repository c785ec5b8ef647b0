#!/usr/bin/env node
// `npm run bench:start`: start-up time and idle memory of the built app on the embedded PostgreSQL.
// Spawns `node dist/server/main.js` (building it when missing) and measures spawn → first 200 from /healthz:
// once on an empty data directory (initdb included), then RUNS times on that existing directory. For scale,
// a bare Fastify + pg server on the same embedded PostgreSQL is started the same way in the same run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startOnce(script, dataDir, port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not yet listening
    }
    await sleep(5);
  }
  return { ms: performance.now() - t0, child, exited };
}

async function stop(run) {
  run.child.kill('SIGTERM');
  await run.exited;
}

/** PSS of a process and all its descendants (postgres and its backends), from /proc/<pid>/smaps_rollup. */
function treePssMb(pid) {
  const children = new Map();
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {
      // exited meanwhile
    }
  }
  let kb = 0;
  const byName = {};
  const visit = (p) => {
    try {
      const pss = Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      const comm = fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim().startsWith('postgres')
        ? 'postgres'
        : 'node';
      kb += pss;
      byName[comm] = (byName[comm] ?? 0) + pss;
    } catch {
      // exited meanwhile
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return { total: kb / 1024, node: (byName.node ?? 0) / 1024, postgres: (byName.postgres ?? 0) / 1024 };
}

async function bench(label, script) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `convene-bench-${label}-`));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const first = await startOnce(script, dataDir, port);
  await stop(first);
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await startOnce(script, dataDir, port);
    warm.push(run.ms);
    if (i < RUNS - 1) await stop(run);
    else {
      await sleep(2000);
      const mem = treePssMb(run.child.pid);
      await stop(run);
      fs.rmSync(dataDir, { recursive: true, force: true });
      return {
        label,
        first: first.ms,
        warm: median(warm),
        min: Math.min(...warm),
        max: Math.max(...warm),
        mem,
      };
    }
  }
}

// Build what is missing, as npm start would (the measured runs then find the build present).
for (const [part, output] of [
  ['server', 'dist/server/main.js'],
  ['web', 'dist/web/index.html'],
]) {
  if (part === 'web' && !fs.existsSync(path.join(root, 'vite.config.ts'))) continue;
  if (fs.existsSync(path.join(root, output))) continue;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), part], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const { build } = await import('esbuild');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/bare-server.ts'],
  outfile: 'dist/bench/bare-server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const app = await bench('convene', path.join(root, 'dist/server/main.js'));
const bare = await bench('bare', path.join(root, 'dist/bench/bare-server.mjs'));
const f = (ms) => `${(ms / 1000).toFixed(3)} s`;
console.log(
  `start-up, ${RUNS} runs on an existing data directory (median, min–max), ${os.cpus().length} CPUs:`,
);
for (const r of [app, bare]) {
  console.log(
    `  ${r.label.padEnd(8)} first start (initdb) ${f(r.first)}   warm start ${f(r.warm)} (${f(r.min)}–${f(r.max)})   idle PSS ${r.mem.total.toFixed(0)} MB (node ${r.mem.node.toFixed(0)}, postgres ${r.mem.postgres.toFixed(0)})`,
  );
}
console.log(
  `  ratio convene/bare: warm start ×${(app.warm / bare.warm).toFixed(2)}, idle PSS ×${(app.mem.total / bare.mem.total).toFixed(2)}`,
);
const ok = app.warm < 1000 && app.first < 3000 && app.mem.total < 150;
console.log(
  ok
    ? 'targets met: warm < 1 s, first < 3 s, idle PSS < 150 MB'
    : 'TARGET MISSED: warm < 1 s, first < 3 s, idle PSS < 150 MB',
);
process.exit(ok ? 0 : 1);
