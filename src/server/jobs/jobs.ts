// Durable background jobs on graphile-worker (PostgreSQL-backed, LISTEN/NOTIFY, retries with backoff).
// Features define jobs at registration; a job is enqueued with SQL in the caller's transaction, so it exists
// exactly when the data change that needs it commits ("nothing is lost").
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import {
  type CronItem,
  Logger,
  type LogLevel,
  parseCronItems,
  run,
  runOnce,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import type pg from 'pg';
import type { z } from 'zod';
import { toWellFormedText } from '../../contracts/text';
import type { Db } from '../db/client';

/** Anything with Drizzle's execute(): the app's db or a transaction. */
export type Executor = Pick<Db, 'execute'>;

export interface JobContext {
  attempt: number;
  maxAttempts: number;
  log: JobLog;
}

export interface JobLog {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobDefinition<P> {
  name: string;
  payload: z.ZodType<P>;
  /** Attempts before graphile-worker gives up (it backs off exponentially between them). */
  maxAttempts?: number;
  run(payload: P, ctx: JobContext): Promise<void>;
}

export interface EnqueueOptions {
  /** A job with the same key replaces a pending one: de-duplication across requests and instances. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

export class JobRegistry {
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly cron: CronItem[] = [];

  define<P>(def: JobDefinition<P>): JobDefinition<P> {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
    this.defs.set(def.name, def as JobDefinition<unknown>);
    return def;
  }

  /**
   * Runs a job (with an empty payload) on a crontab schedule (UTC), once per due time however many instances
   * run: graphile-worker's cron keys each run. A run missed while no instance was up is not caught up.
   */
  schedule(def: JobDefinition<Record<string, never>>, match: string): void {
    if (!this.defs.has(def.name)) throw new Error(`job ${def.name} is scheduled before it is defined`);
    this.cron.push({ task: def.name, match, identifier: def.name, options: { backfillPeriod: 0 } });
  }

  get cronItems(): CronItem[] {
    return [...this.cron];
  }

  get names(): string[] {
    return [...this.defs.keys()];
  }

  taskList(log: JobLog): TaskList {
    const list: TaskList = {};
    for (const def of this.defs.values()) {
      list[def.name] = async (raw, helpers) => {
        try {
          const payload = def.payload.parse(raw);
          await def.run(payload, {
            attempt: helpers.job.attempts,
            maxAttempts: helpers.job.max_attempts,
            log,
          });
        } catch (err) {
          throw storableJobError(err);
        }
      };
    }
    return list;
  }
}

/** Longest error message a failed job keeps (graphile-worker stores it in its jobs table). */
export const MAX_JOB_ERROR_LENGTH = 2000;

/**
 * The error graphile-worker records for a failed job: bounded and well-formed text. An error whose message
 * PostgreSQL refuses (a lone surrogate, a NUL) would make recording the failure fail too, leaving the job
 * locked and the rejection unhandled.
 */
export function storableJobError(err: unknown): Error {
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const out = new Error(toWellFormedText(raw.slice(0, MAX_JOB_ERROR_LENGTH)));
  const stack = err instanceof Error ? err.stack : undefined;
  out.stack = toWellFormedText((stack ?? out.message).slice(0, 4 * MAX_JOB_ERROR_LENGTH));
  return out;
}

export async function enqueueJob<P>(
  db: Executor,
  def: JobDefinition<P>,
  payload: P,
  opts: EnqueueOptions = {},
): Promise<void> {
  await db.execute(sql`SELECT graphile_worker.add_job(
    ${def.name}::text,
    ${JSON.stringify(def.payload.parse(payload))}::json,
    run_at := ${opts.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts := ${opts.maxAttempts ?? def.maxAttempts ?? 25}::int,
    job_key := ${opts.jobKey ?? null}::text
  )`);
}

/** Several jobs of one kind in one statement (no round trip per row), each with its own key. */
export async function enqueueJobs<P>(
  db: Executor,
  def: JobDefinition<P>,
  jobs: Array<{ payload: P; jobKey?: string }>,
  opts: { runAt?: Date } = {},
): Promise<void> {
  if (!jobs.length) return;
  const specs = JSON.stringify(
    jobs.map((j) => ({ payload: def.payload.parse(j.payload), key: j.jobKey ?? null })),
  );
  await db.execute(sql`SELECT graphile_worker.add_job(
    ${def.name}::text,
    spec.payload,
    run_at := ${opts.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts := ${def.maxAttempts ?? 25}::int,
    job_key := spec.key
  ) FROM json_to_recordset(${specs}::json) AS spec(payload json, key text)`);
}

/**
 * Removes the pending job with this key, in the caller's transaction (the work it would do is done). A job
 * running now is left to finish but will not be retried (graphile-worker's remove_job).
 */
export async function removeJob(db: Executor, jobKey: string): Promise<void> {
  await db.execute(sql`SELECT graphile_worker.remove_job(${jobKey}::text)`);
}

function workerLogger(log: JobLog): Logger {
  return new Logger(() => (level: LogLevel, message: string, meta?: unknown) => {
    const obj = { worker: true, ...(meta && typeof meta === 'object' ? { meta } : {}) };
    if (level === 'error') log.error(obj, message);
    else if (level === 'warning') log.warn(obj, message);
    // The worker's own info lines ("Worker connected…", "cron is disabled", each completed job) are
    // chatter for an administrator: debug.
    else log.debug?.(obj, message);
  });
}

/** How often this process's workers say they are alive, and after how long without a beat one is gone. */
export interface WorkerLiveness {
  beatMs: number;
  staleMs: number;
}

const LIVENESS: WorkerLiveness = { beatMs: 15_000, staleMs: 90_000 };

export interface JobRunner {
  /** Lets running jobs finish; pending ones stay queued in PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * Releases the jobs locked by workers that stopped beating (their process died) and that have been locked
 * longer than that: graphile-worker would wait 4 hours. A worker of a live instance beats, so its jobs stay
 * locked however long they run; safe when every instance runs it.
 */
export async function releaseJobsOfDeadWorkers(db: Executor, staleMs: number): Promise<void> {
  const stale = sql`now() - make_interval(secs => ${staleMs / 1000})`;
  await db.execute(sql`SELECT graphile_worker.force_unlock_workers(array_agg(DISTINCT j.locked_by))
    FROM graphile_worker._private_jobs j
    WHERE j.locked_by IS NOT NULL AND j.locked_at < ${stale}
      AND NOT EXISTS (SELECT 1 FROM job_workers w WHERE w.worker_id = j.locked_by AND w.beat_at >= ${stale})
    HAVING count(*) > 0`);
  await db.execute(sql`DELETE FROM job_workers WHERE beat_at < now() - interval '1 day'`);
}

/** Runs the job queue (and the scheduled jobs) in this process until stop(); safe with several instances. */
export async function startJobRunner(opts: {
  pool: pg.Pool;
  db: Executor;
  registry: JobRegistry;
  log: JobLog;
  concurrency?: number;
  liveness?: WorkerLiveness;
}): Promise<JobRunner> {
  const liveness = opts.liveness ?? LIVENESS;
  const workers = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  events.on('worker:create', ({ worker }) => workers.add(worker.workerId));
  events.on('worker:stop', ({ worker }) => workers.delete(worker.workerId));
  const runner = await run({
    pgPool: opts.pool,
    taskList: opts.registry.taskList(opts.log),
    parsedCronItems: parseCronItems(opts.registry.cronItems),
    concurrency: opts.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: workerLogger(opts.log),
    events,
  });
  const beat = async () => {
    try {
      const ids = JSON.stringify([...workers]);
      await opts.db.execute(sql`INSERT INTO job_workers (worker_id, beat_at)
        SELECT id, now() FROM json_array_elements_text(${ids}::json) AS id
        ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`);
      await releaseJobsOfDeadWorkers(opts.db, liveness.staleMs);
    } catch (err) {
      opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'job worker heartbeat failed');
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), liveness.beatMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      const ids = JSON.stringify([...workers]);
      await runner.stop();
      await opts.db
        .execute(
          sql`DELETE FROM job_workers WHERE worker_id IN (SELECT json_array_elements_text(${ids}::json))`,
        )
        .catch(() => undefined);
    },
  };
}

/** Runs every job that is due now, then returns (tests drive the queue with this). */
export async function runDueJobs(opts: { pool: pg.Pool; registry: JobRegistry; log: JobLog }): Promise<void> {
  await runOnce({
    pgPool: opts.pool,
    taskList: opts.registry.taskList(opts.log),
    noHandleSignals: true,
    logger: workerLogger(opts.log),
  });
}
