import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { enqueueJob, type JobDefinition, startJobRunner } from '../../src/server/jobs/jobs';
import { runJobs, useTestApp } from '../support/app';
import { connFor } from '../support/pg-conn';

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

describe('a job whose worker died', () => {
  const t = useTestApp();

  it('is released and finished by a restarted worker within seconds, not graphile-worker’s 4 hours', async () => {
    const done: string[] = [];
    const stuck = t.deps.jobs.define({
      name: 'test.stuck',
      payload: z.object({}),
      async run() {
        done.push('finished');
      },
    });
    await enqueueJob(t.deps.db, stuck, {});
    const { target } = inject('pg');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-worker-child.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, CHILD_PG: JSON.stringify(connFor(target, t.database.name)) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (b: Buffer) => {
          if (String(b).includes('started')) resolve();
        });
        child.once('exit', () => reject(new Error('the worker exited before starting the job')));
      });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const locked = await t.deps.db.execute(
      sql`SELECT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL`,
    );
    expect(locked.rows).toHaveLength(1);

    const runner = await startJobRunner({
      pool: t.deps.pool,
      db: t.deps.db,
      registry: t.deps.jobs,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      concurrency: 1,
      liveness: { beatMs: 100, staleMs: 1000 },
    });
    try {
      while (done.length === 0) await new Promise((r) => setTimeout(r, 50)); // the test's timeout guards a hang
    } finally {
      await runner.stop();
    }
    expect(done).toEqual(['finished']);
  }, 300_000);
});
