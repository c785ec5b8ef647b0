import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '../../contracts/auth';
import type { Db } from '../db/client';
import { sessions, userEmails, users } from './schema';

export const SESSION_COOKIE = 'convene_session';
/** A session lives 30 days after its last use. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

/** The logged-in user as every route sees it (its schema is the API's, in contracts/auth.ts). */
export type { SessionUser };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session row's id for a cookie's token (tables that hang off a session reference it). */
export const sessionIdOf = hashToken;

export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string; userAgent: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(meta.now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent.slice(0, 400),
  });
  return { token, expiresAt };
}

/**
 * The user of a session cookie, or undefined when it is unknown, expired, or its user is blocked.
 * `extended` says the session's lifetime was pushed back, so the cookie's should be too.
 */
export async function findSessionUser(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: SessionUser; extended: boolean } | undefined> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      isAdmin: users.isAdmin,
      isBlocked: users.isBlocked,
      email: userEmails.email,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.isBlocked) return undefined;
  const extended = now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS;
  if (extended) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
      .where(eq(sessions.id, id));
  }
  return { user: { id: row.id, name: row.name, isAdmin: row.isAdmin, email: row.email ?? '' }, extended };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteUserSessions(db: Db, userId: number, exceptToken?: string): Promise<void> {
  const keep = exceptToken ? hashToken(exceptToken) : undefined;
  await db
    .delete(sessions)
    .where(
      keep ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keep}`) : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
