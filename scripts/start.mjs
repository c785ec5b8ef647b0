#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs the compiled server in this same process.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root } from './build-lib.mjs';

const needServer = isStale('server');
const needWeb = fs.existsSync(path.join(root, 'vite.config.ts')) && isStale('web');
if (needServer || needWeb) {
  const { buildServer, buildWeb } = await import('./build.mjs');
  const t0 = Date.now();
  process.stderr.write(
    `convene: building ${[needServer && 'server', needWeb && 'web client'].filter(Boolean).join(' and ')}…\n`,
  );
  if (needServer) await buildServer();
  if (needWeb) buildWeb();
  process.stderr.write(`convene: built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
