// One PostgreSQL per test run: the embedded server in a temporary directory, or the server TEST_DATABASE_URL
// names. Migrations go once into a template; each test file clones it (research/embedded_postgres.md §6).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { installPoolErrorHandlers, runMigrations } from '../../src/server/db/client';
import { EmbeddedPostgres } from '../../src/server/db/embedded-postgres';
import { adminQuery, connFor, type PgTarget } from './pg-conn';

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { target: PgTarget; template: string };
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL?.trim();
  let target: PgTarget;
  let cluster: EmbeddedPostgres | undefined;
  let base: string | undefined;
  if (url) {
    target = { url };
  } else {
    base = fs.mkdtempSync(path.join(process.env.TEST_PG_BASE ?? os.tmpdir(), 'convene-test-pg-'));
    fs.chmodSync(base, 0o755); // as root, the postgres OS user must traverse it
    cluster = await new EmbeddedPostgres({
      dataDir: path.join(base, 'data'),
      initdbArgs: ['--no-sync'],
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    }).start();
    target = cluster.connection;
  }
  const template = `convene_tmpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(target, `CREATE DATABASE ${template}`);
  const pool = new pg.Pool({ ...connFor(target, template), max: 2 });
  installPoolErrorHandlers(pool, () => undefined);
  try {
    await runMigrations(pool);
  } finally {
    await pool.end(); // a template must have no open sessions
  }
  project.provide('pg', { target, template });
  return async () => {
    if (url) await adminQuery(target, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await cluster?.stop();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  };
}
