// A job worker in a process of its own, for the test that kills it mid-job: it runs `test.stuck`, says
// "started" on stdout when the job begins, and never finishes it. Connection from CHILD_PG (JSON).
import pg from 'pg';
import { z } from 'zod';
import { installPoolErrorHandlers, makeDb } from '../../src/server/db/client';
import { JobRegistry, startJobRunner } from '../../src/server/jobs/jobs';

const pool = new pg.Pool(JSON.parse(process.env.CHILD_PG ?? '{}'));
installPoolErrorHandlers(pool, () => undefined);
const registry = new JobRegistry();
registry.define({
  name: 'test.stuck',
  payload: z.object({}),
  async run() {
    process.stdout.write('started\n');
    await new Promise(() => undefined);
  },
});
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
await startJobRunner({
  pool,
  db: makeDb(pool),
  registry,
  log: quiet,
  concurrency: 1,
  liveness: { beatMs: 100, staleMs: 1000 },
});
