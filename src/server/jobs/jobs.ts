// Durable background jobs on graphile-worker (PostgreSQL-backed, LISTEN/NOTIFY, retries with backoff).
// Features define jobs at registration; a job is enqueued with SQL in the caller's transaction, so it exists
// exactly when the data change that needs it commits ("nothing is lost").
import { sql } from 'drizzle-orm';
import { Logger, type LogLevel, type Runner, run, runOnce, type TaskList } from 'graphile-worker';
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
): Promise<void> {
  if (!jobs.length) return;
  const specs = JSON.stringify(
    jobs.map((j) => ({ payload: def.payload.parse(j.payload), key: j.jobKey ?? null })),
  );
  await db.execute(sql`SELECT graphile_worker.add_job(
    ${def.name}::text,
    spec.payload,
    max_attempts := ${def.maxAttempts ?? 25}::int,
    job_key := spec.key
  ) FROM json_to_recordset(${specs}::json) AS spec(payload json, key text)`);
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
