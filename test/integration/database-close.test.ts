// Stopping Convene stops its embedded PostgreSQL only after every connection has gone, so the database's
// log of a clean stop has no FATAL "terminating connection due to administrator command".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';

describe('closing the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-db-close-'));
  fs.chmodSync(dataDir, 0o755); // as a data directory made by hand would be (as root, postgres must traverse it)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('waits for every pooled connection to end before stopping PostgreSQL', async () => {
    const warnings: string[] = [];
    const log = {
      info: () => undefined,
      warn: (m: string) => warnings.push(m),
      error: (m: string) => warnings.push(m),
    };
    for (let round = 0; round < 5; round++) {
      const database = await openDatabase({ databaseUrl: undefined, dataDir, log, poolSize: 10 });
      await Promise.all(Array.from({ length: 10 }, () => database.pool.query('SELECT pg_sleep(0.05)')));
      await database.close();
    }
    expect(warnings).toEqual([]);
  }, 120_000);
});
