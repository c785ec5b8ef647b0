// `npm run backup -- <file>`: one consistent snapshot of all of Convene's data, compressed and checksummed,
// taken while the server keeps running (from DATABASE_URL or the embedded database).
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config';
import { BackupError, writeBackup } from '../server/db/backup';
import { DatabaseUnreachable } from '../server/db/client';
import { EmbeddedPostgresError } from '../server/db/embedded-postgres';
import { openMaintenanceTarget } from '../server/db/maintenance';
import { conveneVersion } from '../server/paths';

const USAGE = `Usage: npm run backup -- <file>

Writes a backup of all of Convene's data (DATABASE_URL, or the embedded database under DATA_DIR) to <file>:
one consistent snapshot, gzip-compressed, with the schema version and a checksum. Safe while Convene runs.
Restore it with: npm run restore -- <file>`;

/** npm runs scripts in the project's folder: a relative <file> is meant from where npm was called. */
const fromCallerDir = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

const say = (line: string): void => {
  process.stderr.write(`backup: ${line}\n`);
};
/** Table by table on a terminal; from cron, only the outcome (cron mails whatever a job prints). */
const progress = (line: string): void => {
  if (process.stderr.isTTY) say(line);
};

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return file === '--help' || file === '-h' ? 0 : 2;
  }
  try {
    const config = loadConfig();
    const target = await openMaintenanceTarget({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      create: false,
      onLog: say,
    });
    try {
      say(`backing up ${target.describe}`);
      const t0 = Date.now();
      const client = await target.pool.connect();
      try {
        const out = fromCallerDir(file);
        const r = await writeBackup(client, out, { conveneVersion: conveneVersion(), progress });
        say(
          `wrote ${out}: ${r.tables} tables, ${r.rows} rows, ${(r.bytes / 1024).toFixed(0)} KiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      } finally {
        client.release();
      }
    } finally {
      await target.close();
    }
    return 0;
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof BackupError ||
      err instanceof DatabaseUnreachable ||
      err instanceof EmbeddedPostgresError
    ) {
      say(err.message);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    say(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
