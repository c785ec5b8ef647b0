// Login throttling, kept in PostgreSQL (login_failures) so that it holds across instances and restarts.
// Two limits: guesses at one account from anywhere, and guesses from one address at any account.
import { and, desc, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { loginFailures } from './schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/**
 * When the limit is reached, the time at which it will no longer be: the moment the `limit`-th most recent
 * failure leaves the window. Undefined while under the limit.
 */
async function blockedUntil(
  db: Db,
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

/** Throws a 429 with Retry-After when this e-mail or this address has failed too often lately. */
export async function assertLoginAllowed(db: Db, email: string, ip: string, now: Date): Promise<void> {
  const [byEmail, byIp] = await Promise.all([
    blockedUntil(db, loginFailures.email, email, MAX_FAILURES_PER_EMAIL, now),
    blockedUntil(db, loginFailures.ip, ip, MAX_FAILURES_PER_IP, now),
  ]);
  const until = [byEmail, byIp]
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (!until) return;
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  throw new AppError(
    'TOO_MANY_REQUESTS',
    `Too many failed login attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    { details: { retryAfter }, headers: { 'retry-after': String(retryAfter) } },
  );
}

export async function recordLoginFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  await db.insert(loginFailures).values({ email, ip, at: now });
  // Forget what has left the window, for this e-mail and address only (both are indexed).
  await db
    .delete(loginFailures)
    .where(and(lt(loginFailures.at, cutoff), or(eq(loginFailures.email, email), eq(loginFailures.ip, ip))));
}

/** A successful login forgets the failures of the e-mails of that account. */
export async function clearLoginFailures(db: Db, emails: string[]): Promise<void> {
  if (emails.length === 0) return;
  await db.delete(loginFailures).where(inArray(loginFailures.email, emails));
}
