import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, installPoolErrorHandlers, makeDb } from '../../src/server/db/client';
import { adminQuery, connFor } from './pg-conn';

export interface TestDatabase {
  name: string;
  pool: pg.Pool;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template (tens of milliseconds). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { target, template } = inject('pg');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(target, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const pool = new pg.Pool({ ...connFor(target, name), max: 8 });
  installPoolErrorHandlers(pool, () => undefined);
  return {
    name,
    pool,
    db: makeDb(pool),
    async drop() {
      await pool.end();
      await adminQuery(target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
