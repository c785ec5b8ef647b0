// `npm run zoom -- <command>`: check the Zoom credentials and look at users and meetings from a shell.
import { ConfigError, loadConfig } from '../server/config';
import { DatabaseUnreachable, openDatabase } from '../server/db/client';
import { EmbeddedPostgresError } from '../server/db/embedded-postgres';
import { EXIT, knownZoomCommand, runZoomCli, USAGE } from './zoom-commands';

const io = {
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(`zoom: ${line}`),
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0] ?? '')) {
    console.log(USAGE);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  // An unknown command is refused before the database is opened (or the embedded one started).
  if (!knownZoomCommand(argv)) {
    const command = argv.find((a) => a !== '-v' && a !== '--verbose');
    io.err(`Unknown command "${command ?? ''}".\n${USAGE}`);
    return EXIT.usage;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return EXIT.usage;
    }
    throw err;
  }
  // Once the command has answered, the embedded PostgreSQL's shutdown chatter is of no interest.
  let done = false;
  const report = (m: string) => {
    if (!done) io.err(m);
  };
  const quiet = { info: () => undefined, warn: report, error: report };
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      log: quiet,
      poolSize: 2,
    });
  } catch (err) {
    if (err instanceof DatabaseUnreachable || err instanceof EmbeddedPostgresError) {
      io.err(err.message);
      return EXIT.failure;
    }
    throw err;
  }
  try {
    return await runZoomCli(argv, { config, db: database.db, io });
  } finally {
    done = true;
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    io.err(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = EXIT.failure;
  },
);
