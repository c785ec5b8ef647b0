// `npm run restore -- <file> [--replace]`: loads a backup into an empty database (DATABASE_URL, or the
// embedded database under DATA_DIR). The file is checked whole before anything is written.
import { loadConfig } from '../server/config';
import { BackupError } from '../server/db/backup-file';
import { openMaintenanceTarget } from '../server/db/maintenance';
import { restoreBackup } from '../server/db/restore';
import { fromCallerDir, runDataCommand, speaker } from './data-command';

const USAGE = `Usage: npm run restore -- <file> [--replace]

Loads a backup made by "npm run backup" into DATABASE_URL, or into the embedded database under DATA_DIR
(created if missing). Stop Convene first. The target must hold no data, unless --replace (also --force)
is given: then everything it holds is deleted first. A damaged, truncated or altered file is refused before
anything is written. Newer migrations run over the restored data, as at an upgrade.`;

const out = speaker('restore');
const { say, progress } = out;

async function main(argv: string[]): Promise<number> {
  const replace = argv.some((a) => a === '--replace' || a === '--force');
  const rest = argv.filter((a) => a !== '--replace' && a !== '--force');
  const file = rest[0];
  if (!file || rest.length > 1 || file.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return file === '--help' || file === '-h' ? 0 : 2;
  }
  const config = loadConfig();
  const target = await openMaintenanceTarget({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    create: true,
    onLog: say,
  });
  try {
    if (target.serverRunning)
      throw new BackupError('Convene is running on this embedded database: stop it, then restore');
    say(`restoring into ${target.describe}`);
    const t0 = Date.now();
    const r = await restoreBackup(target.pool, fromCallerDir(file), { replace, progress });
    say(`restored ${r.rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await target.close();
  }
  return 0;
}

runDataCommand(out, () => main(process.argv.slice(2)));
