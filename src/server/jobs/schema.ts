import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The job workers of the running app instances, with their last heartbeat. A job locked by a worker that has
 * not beaten for a while belongs to a process that died (kill -9, a lost machine): its lock is released so
 * that another instance runs the job, instead of graphile-worker's 4-hour stale-lock wait.
 */
export const jobWorkers = pgTable('job_workers', {
  workerId: text('worker_id').primaryKey(),
  beatAt: timestamp('beat_at', { withTimezone: true }).notNull().defaultNow(),
});
