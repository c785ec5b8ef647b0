#!/usr/bin/env node
// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits.
// The server also migrates at start-up; this is for deployments that migrate as a separate step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './build-lib.mjs';

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const r = spawnSync(process.execPath, [tsx, path.join(root, 'src', 'cli', 'migrate.ts')], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
