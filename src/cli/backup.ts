// `npm run backup -- <file>`: one consistent snapshot of all of Convene's data, compressed and checksummed,
// taken while the server keeps running (from DATABASE_URL or the embedded database).
import { loadConfig } from '../server/config';
import { writeBackup } from '../server/db/backup';
import { openMaintenanceTarget } from '../server/db/maintenance';
import { conveneVersion } from '../server/paths';
import { fromCallerDir, runDataCommand, speaker } from './data-command';

const USAGE = `Usage: npm run backup -- <file>

Writes a backup of all of Convene's data (DATABASE_URL, or the embedded database under DATA_DIR) to <file>:
one consistent snapshot, gzip-compressed, with the schema version and a checksum. Safe while Convene runs.
Restore it with: npm run restore -- <file>`;

const out = speaker('backup');
const { say, progress } = out;

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return file === '--help' || file === '-h' ? 0 : 2;
  }
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
      const outFile = fromCallerDir(file);
      const r = await writeBackup(client, outFile, { conveneVersion: conveneVersion(), progress });
      say(
        `wrote ${outFile}: ${r.tables} tables, ${r.rows} rows, ${(r.bytes / 1024).toFixed(0)} KiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    } finally {
      client.release();
    }
  } finally {
    await target.close();
  }
  return 0;
}

runDataCommand(out, () => main(process.argv.slice(2)));
