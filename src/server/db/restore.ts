// Restore of a backup (backup.ts writes them). The file is read twice: first to check it whole (gzip CRC,
// structure, checksum), then to load it, so a broken, truncated or tampered file is refused before anything
// is written; the data loads in one transaction into the schema it was taken from, then newer migrations run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BackupError, type Progress, q, readSections, verifyBackup } from './backup-file';
import { migrationsFolder, runMigrations } from './client';

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
