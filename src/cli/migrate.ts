import { ConfigError, loadConfig } from '../server/config';
import { DatabaseUnreachable, openDatabase } from '../server/db/client';
import { EmbeddedPostgresError } from '../server/db/embedded-postgres';

try {
  const config = loadConfig();
  const log = { info: console.log, warn: console.warn, error: console.error };
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  await database.close();
  console.log('migrations applied');
} catch (err) {
  if (
    err instanceof ConfigError ||
    err instanceof DatabaseUnreachable ||
    err instanceof EmbeddedPostgresError
  ) {
    console.error(`convene: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
