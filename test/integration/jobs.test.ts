import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enqueueJob, type JobDefinition } from '../../src/server/jobs/jobs';
import { runJobs, useTestApp } from '../support/app';

describe('background jobs', () => {
  const t = useTestApp();
  const seen: string[] = [];
  let failuresLeft = 1;
  let note: JobDefinition<{ text: string }>;

  beforeAll(() => {
    note = t.deps.jobs.define({
      name: 'test.note',
      payload: z.object({ text: z.string() }),
      async run({ text }) {
        if (text === 'flaky' && failuresLeft-- > 0) throw new Error('transient');
        seen.push(text);
      },
    });
  });

  const pending = async (key?: string) =>
    (
      await t.deps.db.execute(
        sql`SELECT attempts, last_error, key FROM graphile_worker.jobs
            WHERE task_identifier = 'test.note' AND (${key ?? null}::text IS NULL OR key = ${key ?? null})`,
      )
    ).rows;

  it('runs a job enqueued in a committed transaction, and none from a rolled-back one', async () => {
    await t.deps.db.transaction(async (tx) => {
      await enqueueJob(tx, note, { text: 'committed' });
    });
    await t.deps.db
      .transaction(async (tx) => {
        await enqueueJob(tx, note, { text: 'rolled back' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await runJobs(t);
    expect(seen).toEqual(['committed']);
    expect(await pending()).toEqual([]);
  });

  it('keeps a failed job queued for a retry, with its error', async () => {
    await enqueueJob(t.deps.db, note, { text: 'flaky' });
    await runJobs(t);
    expect(await pending()).toEqual([
      { attempts: 1, last_error: expect.stringContaining('transient'), key: null },
    ]);
  });

  it('keeps one pending job per key', async () => {
    await enqueueJob(
      t.deps.db,
      note,
      { text: 'first' },
      { jobKey: 'k1', runAt: new Date(Date.now() + 3600_000) },
    );
    await enqueueJob(
      t.deps.db,
      note,
      { text: 'second' },
      { jobKey: 'k1', runAt: new Date(Date.now() + 3600_000) },
    );
    expect(await pending('k1')).toHaveLength(1);
  });

  it('refuses a payload that does not match the job', async () => {
    await expect(enqueueJob(t.deps.db, note, { text: 42 } as unknown as { text: string })).rejects.toThrow();
  });
});
