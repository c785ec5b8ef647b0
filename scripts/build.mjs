#!/usr/bin/env node
// Builds the server and the command-line tools (ESM bundles of our code; packages stay in node_modules)
// and the web client.
// `node scripts/build.mjs [server|web]` builds one part; no argument builds both.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { root, writeStamp } from './build-lib.mjs';

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * The server splits what it imports dynamically into chunks loaded only when used: the Zoom sandbox, which
 * main.ts mounts only while Zoom is not configured (bench/bundle-size.mjs measures what every start loads).
 */
export const serverBuildOptions = {
  ...common,
  entryPoints: { 'server/main': 'src/server/main.ts' },
  splitting: true,
  chunkNames: 'server/chunks/[name]-[hash]',
};

export async function buildServer() {
  await build(serverBuildOptions);
  // Every other entry a production install runs, so that none needs tsx (a dev dependency).
  await build({
    ...common,
    entryPoints: {
      'cli/zoom': 'src/cli/zoom.ts',
      'cli/migrate': 'src/cli/migrate.ts',
      'cli/backup': 'src/cli/backup.ts',
      'cli/restore': 'src/cli/restore.ts',
      'cli/zoom-sandbox': 'src/zoom-sandbox/cli.ts',
    },
  });
  writeStamp('server');
}

export function buildWeb() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the web client build failed (vite build)');
  writeStamp('web');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  const t0 = Date.now();
  if (!only || only === 'server') await buildServer();
  if (!only || only === 'web') buildWeb();
  console.log(`built ${only ?? 'server and web client'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
