import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Logger, runMigrations as runJobQueueMigrations } from 'graphile-worker';
import pg from 'pg';
import { projectRoot } from '../paths';
import { EmbeddedPostgres } from './embedded-postgres';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
export type { schema };

/** Any advisory-lock key will do, as long as every instance of Convene uses the same one. */
const MIGRATION_LOCK = 727_001;

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

export function migrationsFolder(): string {
  return path.join(projectRoot(), 'drizzle');
}

/**
 * Applies pending SQL migrations, then the job queue's own schema (graphile-worker migrates itself);
 * instances starting together queue on an advisory lock.
 */
export async function runMigrations(pool: pg.Pool, folder = migrationsFolder()): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder: folder });
      await bootstrapJobQueueSchema(client);
      await runJobQueueMigrations({ pgPool: pool, logger: silentJobLogger });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

const silentJobLogger = new Logger(() => () => undefined);

/**
 * graphile-worker finds a fresh database by reading graphile_worker.migrations and catching "relation does
 * not exist", which PostgreSQL logs as an ERROR on every first start. Creating its bookkeeping table first,
 * with the statements of graphile-worker 0.17's installSchema (all idempotent), avoids that error.
 */
async function bootstrapJobQueueSchema(client: pg.PoolClient): Promise<void> {
  const found = await client.query(`SELECT to_regclass('graphile_worker.migrations') AS t`);
  if (found.rows[0]?.t) return;
  await client.query(`CREATE SCHEMA IF NOT EXISTS graphile_worker;
CREATE TABLE IF NOT EXISTS graphile_worker.migrations (id int PRIMARY KEY, ts timestamptz DEFAULT now() NOT NULL);
ALTER TABLE graphile_worker.migrations ADD COLUMN IF NOT EXISTS breaking boolean NOT NULL DEFAULT false;`);
}

/**
 * Without listeners, a connection's error (e.g. the server restarting) crashes the process; graphile-worker
 * also insists on both.
 */
export function installPoolErrorHandlers(pool: pg.Pool, warn: (msg: string) => void): void {
  pool.on('error', (err) => warn(`idle database connection error: ${err.message}`));
  pool.on('connect', (client) => {
    client.on('error', (err) => warn(`database connection error: ${err.message}`));
  });
}

/**
 * pg's Pool.end() resolves once its clients are asked to end, not once their connections are closed; an
 * embedded PostgreSQL stopped in between terminates those sessions and logs a FATAL for each. This waits
 * for the connections themselves (within a bound, so that a stuck socket cannot hold up a stop).
 */
function trackConnections(pool: pg.Pool): { ended(withinMs: number): Promise<void> } {
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  return {
    async ended(withinMs) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, withinMs);
      });
      await Promise.race([Promise.all(open), late]);
      clearTimeout(timer);
    },
  };
}

export function makeDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema, casing: 'snake_case' });
}

export interface Database {
  pool: pg.Pool;
  db: Db;
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  poolSize?: number;
}

/** Opens the database of DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR/db. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let poolConfig: pg.PoolConfig;
  if (opts.databaseUrl) {
    poolConfig = { connectionString: opts.databaseUrl };
  } else {
    embedded = new EmbeddedPostgres({
      dataDir: path.join(opts.dataDir, 'db'),
      settings: { shared_buffers: '32MB', max_connections: '50' },
      onLog: (line) => {
        if (/\b(FATAL|PANIC|ERROR)\b/.test(line)) opts.log.warn(`postgres: ${line}`);
      },
      onWarn: (message) => opts.log.warn(message),
    });
    await embedded.start();
    if (embedded.sharedWith !== undefined)
      opts.log.info(`using the embedded PostgreSQL of the running server (pid ${embedded.sharedWith})`);
    if (embedded.recovered && embedded.recovered !== 'clean') {
      opts.log.warn(`embedded PostgreSQL recovered from an unclean stop: ${embedded.recovered}`);
    }
    await createDatabaseIfMissing(embedded.connection, 'convene');
    poolConfig = { ...embedded.connection, database: 'convene' };
  }
  const pool = new pg.Pool({ ...poolConfig, max: opts.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  installPoolErrorHandlers(pool, (msg) => opts.log.warn(msg));
  const connections = trackConnections(pool);
  const close = async () => {
    await pool.end().catch(() => undefined);
    await connections.ended(5_000);
    await embedded?.stop();
  };
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await close();
    const where = opts.databaseUrl ? redactUrl(opts.databaseUrl) : 'the embedded PostgreSQL';
    throw new DatabaseUnreachable(`DATABASE_URL ${where} cannot be reached: ${(err as Error).message}`);
  }
  try {
    await runMigrations(pool);
  } catch (err) {
    await close();
    throw err;
  }
  return { pool, db: makeDb(pool), embedded, close };
}

export async function createDatabaseIfMissing(conn: pg.ClientConfig, name: string): Promise<void> {
  const admin = new pg.Client({ ...conn, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** A connection URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparseable URL)';
  }
}
