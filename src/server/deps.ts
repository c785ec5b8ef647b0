import type pg from 'pg';
import type { Config } from './config';
import type { Db } from './db/client';
import type { AppDeps, Clock } from './http/types';
import { scheduleHousekeeping } from './jobs/housekeeping';
import { JobRegistry } from './jobs/jobs';
import { Mailer } from './mail/mailer';

/** Builds what features depend on; main.ts and the tests both use it, with their own clock. */
export function makeDeps(args: { config: Config; db: Db; pool: pg.Pool; clock?: Clock }): AppDeps {
  const clock = args.clock ?? (() => new Date());
  const jobs = new JobRegistry();
  const base = { config: args.config, db: args.db, pool: args.pool, clock, jobs };
  scheduleHousekeeping(jobs, base);
  return { ...base, mailer: new Mailer(base, jobs) };
}
