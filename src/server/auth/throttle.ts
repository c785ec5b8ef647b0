// Login throttling, kept in PostgreSQL (login_failures) so that it holds across instances and restarts.
// Two limits: guesses at one account from anywhere, and guesses from one address at any account.
import { and, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { loginFailures } from './schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;
/** First key of the throttle's advisory locks (pg_advisory_xact_lock(int, int)): 'LOGN'. */
const LOCK_SPACE = 0x4c4f474e;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * When the limit is reached, the time at which it will no longer be: the moment the `limit`-th most recent
 * failure leaves the window. Undefined while under the limit.
 */
async function blockedUntil(
  db: Db | Tx,
  column: typeof loginFailures.email | typeof loginFailures.ip,
  value: string,
  limit: number,
  now: Date,
): Promise<Date | undefined> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [row] = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(column, value), gt(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .offset(limit - 1)
    .limit(1);
  return row ? new Date(row.at.getTime() + THROTTLE_WINDOW_MS) : undefined;
}

function tooMany(until: Date, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many failed login attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    { details: { retryAfter }, headers: { 'retry-after': String(retryAfter) } },
  );
}

/**
 * Takes one attempt at this e-mail from this address, or throws a 429 with Retry-After when either has
 * failed too often lately. The attempt is recorded as a failure before the password is checked, under
 * advisory locks on the e-mail and the address: concurrent guesses (on any instance) queue here, and each
 * sees the ones before it, so no more than the limit are ever evaluated. A successful login releases it.
 */
export async function reserveLoginAttempt(db: Db, email: string, ip: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // Always the e-mail's lock first, then the address's: no two transactions wait for each other in a cycle.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${`email:${email}`}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${`ip:${ip}`}))`);
    const [byEmail, byIp] = [
      await blockedUntil(tx, loginFailures.email, email, MAX_FAILURES_PER_EMAIL, now),
      await blockedUntil(tx, loginFailures.ip, ip, MAX_FAILURES_PER_IP, now),
    ];
    const until = [byEmail, byIp]
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (until) throw tooMany(until, now);
    const [row] = await tx
      .insert(loginFailures)
      .values({ email, ip, at: now })
      .returning({ id: loginFailures.id });
    // Forget what has left the window, for this e-mail and address only (both are indexed).
    const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    await tx
      .delete(loginFailures)
      .where(and(lt(loginFailures.at, cutoff), or(eq(loginFailures.email, email), eq(loginFailures.ip, ip))));
    if (!row) throw new Error('login_failures insert returned no row');
    return row.id;
  });
}

/** A successful login forgets its own attempt and the failures of the e-mails of that account. */
export async function clearLoginFailures(db: Db, attemptId: number, emails: string[]): Promise<void> {
  await db
    .delete(loginFailures)
    .where(
      or(eq(loginFailures.id, attemptId), emails.length ? inArray(loginFailures.email, emails) : undefined),
    );
}
