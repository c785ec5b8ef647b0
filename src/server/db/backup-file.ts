// The backup file: its format, reading it back section by section, and checking it whole. The file is gzip
// of lines:
//   CONVENE-BACKUP 1
//   {header: format, versions, the schema's migrations, the tables and their columns}
//   then per table: {"table": …} and its rows in COPY text format (one line per row), ended by "\."
//   {"sequences": …}
//   {"end": true, "sha256": hex of every byte above}
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';

export const BACKUP_MAGIC = 'CONVENE-BACKUP 1';
export const BACKUP_FORMAT_VERSION = 1;
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

/** A quoted SQL identifier. */
export const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

type Section =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; lines: AsyncGenerator<string, void> }
  | { kind: 'sequences'; sequences: Array<{ name: string; lastValue: string; isCalled: boolean }> };

/**
 * Reads a backup's sections in order. Every line before the trailer is hashed; the trailer must be the
 * last line and carry that hash. A table's lines must be consumed before the next section is read.
 */
export async function* readSections(file: string, verified: { ok: boolean }): AsyncGenerator<Section, void> {
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
