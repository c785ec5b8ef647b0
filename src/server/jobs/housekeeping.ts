// Housekeeping on graphile-worker's cron (in-process, once per due time across instances): expired sessions
// and old outbox mail are deleted. Retention is stated in the README ("Housekeeping").
import { and, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { deleteExpiredSessions } from '../auth/sessions';
import type { Db } from '../db/client';
import type { Clock } from '../http/types';
import { mailOutbox } from '../mail/schema';
import type { JobRegistry } from './jobs';

/** Mail that was sent (or kept, without SMTP) stays this long in the outbox for administrators to read. */
export const KEEP_MAIL_MS = 90 * 24 * 3600_000;

export async function pruneOldMail(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - KEEP_MAIL_MS);
  await db
    .delete(mailOutbox)
    .where(and(inArray(mailOutbox.status, ['sent', 'kept']), lt(mailOutbox.createdAt, cutoff)));
}

export function scheduleHousekeeping(jobs: JobRegistry, deps: { db: Db; clock: Clock }): void {
  const sessions = jobs.define({
    name: 'housekeeping.deleteExpiredSessions',
    payload: z.object({}),
    maxAttempts: 3,
    run: () => deleteExpiredSessions(deps.db, deps.clock()),
  });
  jobs.schedule(sessions, '7 * * * *');
  const mail = jobs.define({
    name: 'housekeeping.pruneOldMail',
    payload: z.object({}),
    maxAttempts: 3,
    run: () => pruneOldMail(deps.db, deps.clock()),
  });
  jobs.schedule(mail, '17 3 * * *');
}
