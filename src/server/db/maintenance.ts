// Connections for maintenance commands (backup, restore): DATABASE_URL, or the embedded database, reached
// through the running server's socket when Convene runs, else by starting the embedded cluster ourselves.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, DatabaseUnreachable, installPoolErrorHandlers, redactUrl } from './client';
import { EmbeddedPostgres } from './embedded-postgres';

export interface MaintenanceTarget {
  pool: pg.Pool;
  /** What the command works on, for its messages. */
  describe: string;
  /** The embedded database of a Convene server that is running now. */
  serverRunning: boolean;
  close(): Promise<void>;
}

const DATABASE = 'convene';

async function canConnect(conn: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...conn, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openMaintenanceTarget(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Create the embedded cluster and database when missing (restore); a backup needs them to exist. */
  create: boolean;
  onLog?: (line: string) => void;
}): Promise<MaintenanceTarget> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
    installPoolErrorHandlers(pool, () => undefined);
    const describe = `DATABASE_URL ${redactUrl(opts.databaseUrl)}`;
    try {
      await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnreachable(`${describe} cannot be reached: ${(err as Error).message}`);
    }
    return { pool, describe, serverRunning: false, close: () => pool.end() };
  }

  const dataDir = path.join(opts.dataDir, 'db');
  const embedded = new EmbeddedPostgres({
    dataDir,
    settings: { shared_buffers: '32MB', max_connections: '50' },
    onLog: (line) => {
      if (/\b(FATAL|PANIC)\b/.test(line)) opts.onLog?.(`postgres: ${line}`);
    },
  });
  const socket = path.join(embedded.connection.host, `.s.PGSQL.${embedded.connection.port}`);
  // A running Convene owns the cluster: share its postmaster rather than start (or stop) one.
  const serverRunning =
    fs.existsSync(socket) && (await canConnect({ ...embedded.connection, database: 'postgres' }));
  if (!serverRunning) {
    if (!opts.create && !fs.existsSync(path.join(dataDir, 'PG_VERSION')))
      throw new DatabaseUnreachable(
        `there is no embedded database in ${dataDir} (set DATA_DIR or DATABASE_URL)`,
      );
    await embedded.start();
  }
  const stop = async () => {
    if (!serverRunning) await embedded.stop();
  };
  try {
    if (opts.create) await createDatabaseIfMissing(embedded.connection, DATABASE);
    const pool = new pg.Pool({ ...embedded.connection, database: DATABASE, max: 2 });
    installPoolErrorHandlers(pool, () => undefined);
    await pool.query('SELECT 1');
    return {
      pool,
      describe: `the embedded database in ${dataDir}${serverRunning ? ' (through the running server)' : ''}`,
      serverRunning,
      close: async () => {
        await pool.end().catch(() => undefined);
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw new DatabaseUnreachable(
      `the embedded database in ${dataDir} cannot be opened: ${(err as Error).message}`,
    );
  }
}
