#!/usr/bin/env node
// Builds the server (one ESM bundle of our code; packages stay in node_modules) and the web client.
// `node scripts/build.mjs [server|web]` builds one part; no argument builds both.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { root, writeStamp } from './build-lib.mjs';

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts' },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
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
  precompress(path.join(root, 'dist', 'web', 'assets'));
  writeStamp('web');
}

/**
 * Brotli and gzip copies of each hashed asset, made once here rather than on every request: the server
 * (@fastify/static's preCompressed) sends the one the browser accepts.
 */
export function precompress(dir) {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(js|css|svg|json|woff2?)$/.test(name) || name.endsWith('.woff2')) continue;
    const file = path.join(dir, name);
    const body = fs.readFileSync(file);
    if (body.length < 1024) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  const t0 = Date.now();
  if (!only || only === 'server') await buildServer();
  if (!only || only === 'web') buildWeb();
  console.log(`built ${only ?? 'server and web client'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
