#!/usr/bin/env node
// `npm start`: builds what is missing or stale (never in production mode: see build-lib.mjs), then runs
// the compiled server in this same process.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build-lib.mjs';

await ensureBuilt(['server', 'web']);
await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
