// Baseline for bench/start.mjs: the bare stack (Fastify + pg on the same embedded PostgreSQL module), no app.
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { EmbeddedPostgres } from '../src/server/db/embedded-postgres';

const pgServer = await new EmbeddedPostgres({
  dataDir: path.join(process.env.DATA_DIR ?? 'var', 'db'),
  settings: { shared_buffers: '32MB', max_connections: '50' },
}).start();
const pool = new pg.Pool({ ...pgServer.connection, database: 'postgres', max: 10 });
await pool.query('SELECT 1');
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  await pgServer.stop();
  process.exit(0);
});
