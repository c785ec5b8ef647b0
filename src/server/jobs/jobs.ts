// Durable background jobs on graphile-worker (PostgreSQL-backed, LISTEN/NOTIFY, retries with backoff).
// Features define jobs at registration; a job is enqueued with SQL in the caller's transaction, so it exists
// exactly when the data change that needs it commits ("nothing is lost").
import { sql } from 'drizzle-orm';
import { Logger, type LogLevel, type Runner, run, runOnce, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { z } from 'zod';
import type { Db } from '../db/client';

/** Anything with Drizzle's execute(): the app's db or a transaction. */
export type Executor = Pick<Db, 'execute'>;

export interface JobContext {
  attempt: number;
  maxAttempts: number;
  log: JobLog;
}

export interface JobLog {
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

  define<P>(def: JobDefinition<P>): JobDefinition<P> {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
    this.defs.set(def.name, def as JobDefinition<unknown>);
    return def;
  }

  get names(): string[] {
    return [...this.defs.keys()];
  }

  taskList(log: JobLog): TaskList {
    const list: TaskList = {};
    for (const def of this.defs.values()) {
      list[def.name] = async (raw, helpers) => {
        const payload = def.payload.parse(raw);
        await def.run(payload, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, log });
      };
    }
    return list;
  }
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
    else if (level === 'info') log.info(obj, message);
  });
}

/** Runs the job queue in this process until stop(); safe with several instances on one database. */
export async function startJobRunner(opts: {
  pool: pg.Pool;
  registry: JobRegistry;
  log: JobLog;
  concurrency?: number;
}): Promise<Runner> {
  return run({
    pgPool: opts.pool,
    taskList: opts.registry.taskList(opts.log),
    concurrency: opts.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: workerLogger(opts.log),
  });
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
