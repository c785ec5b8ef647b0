// Process entry: configuration, the database (embedded or DATABASE_URL), listen, graceful shutdown.
import pino from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { type Database, DatabaseUnreachable, openDatabase } from './db/client';
import { EmbeddedPostgresError } from './db/embedded-postgres';
import { makeDeps } from './deps';
import { startJobRunner } from './jobs/jobs';
import { loggerOptions } from './logger';
import { conveneVersion } from './paths';
import { installProcessGuards } from './process-guards';
import type { MountZoomStandIn } from './vc/zoom/runtime';

/**
 * The Zoom sandbox stands in for Zoom while none is configured. Loaded only when mounted: the bundle keeps it
 * in a chunk of its own (scripts/build.mjs splits dynamic imports).
 */
const mountZoomSandbox: MountZoomStandIn = async (app, deps, opts) =>
  (await import('./zoom-sandbox-mode')).mountInProcessSandbox(app, deps, opts);

/** Start-up failures the user can fix are reported in one line, without a stack trace. */
function fail(message: string): never {
  process.stderr.write(`convene: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  installProcessGuards(log);
  let database: Database;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      log: wrap(log),
    });
  } catch (err) {
    if (err instanceof DatabaseUnreachable || err instanceof EmbeddedPostgresError) fail(err.message);
    throw err;
  }
  const deps = makeDeps({ config, db: database.db, pool: database.pool });
  const app = await buildApp(deps, { logger: loggerOptions(config.logLevel), zoomStandIn: mountZoomSandbox });
  const runner = await startJobRunner({
    pool: database.pool,
    db: database.db,
    registry: deps.jobs,
    log: app.log.child({ module: 'jobs' }),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return; // npm forwards SIGINT, so it can arrive twice
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close(); // finishes requests in flight
      await runner.stop(); // lets running jobs finish; pending ones stay queued in PostgreSQL
    } finally {
      await database.close(); // then the pool, then the embedded PostgreSQL
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    // Fastify logs a line per address; the one line below says where Convene is, and in which mode.
    const level = app.log.level;
    app.log.level = 'warn';
    try {
      await app.listen({ port: config.port, host: config.host });
    } finally {
      app.log.level = level;
    }
  } catch (err) {
    await runner.stop();
    await database.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(`PORT ${config.port} is already in use: stop the other program or set PORT`);
    if (code === 'EACCES')
      fail(`PORT ${config.port} needs privileges this user lacks: choose a port above 1023`);
    throw err;
  }
  const where = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostgreSQL (${config.dataDir}/db)`;
  const zoom = (await app.zoom.runtime.current()).mode === 'zoom' ? 'Zoom' : 'Zoom sandbox';
  const version = conveneVersion();
  app.log.info(
    { version, url: config.baseUrl, database: where, zoom },
    `Convene ${version} ready at ${config.baseUrl} · ${where} · ${zoom}`,
  );
}

function wrap(log: pino.Logger) {
  return {
    info: (msg: string) => log.info(msg),
    warn: (msg: string) => log.warn(msg),
    error: (msg: string) => log.error(msg),
  };
}

main().catch((err: unknown) => {
  process.stderr.write(
    `convene: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
