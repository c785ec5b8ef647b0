// Queries on users and their e-mails shared by setup, login, the profile and user administration.
import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../contracts/auth';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/types';
import { Conflict } from '../errors';
import { userEmails, users } from './schema';

export const EMAIL_TAKEN_MESSAGE = 'This e-mail address is already used by an account.';

export const emailTaken = () =>
  new Conflict(EMAIL_TAKEN_MESSAGE, { fields: [{ field: 'email', message: EMAIL_TAKEN_MESSAGE }] });

export interface NewUser {
  name: string;
  affiliation: string;
  email: string;
  passwordHash: string;
  isAdmin: boolean;
}

/** Inserts a user and their primary e-mail; an e-mail already in use (any case) is a 409 on `email`. */
export async function insertUser(tx: Tx, user: NewUser, now: Date): Promise<number> {
  // A savepoint, so that the unique violation below leaves the caller's transaction usable.
  try {
    return await tx.transaction(async (inner) => {
      const [row] = await inner
        .insert(users)
        .values({
          name: user.name,
          affiliation: user.affiliation,
          passwordHash: user.passwordHash,
          isAdmin: user.isAdmin,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('inserting a user returned no row');
      await inner
        .insert(userEmails)
        .values({ userId: row.id, email: user.email, isPrimary: true, createdAt: now });
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function emailInUse(db: Db | Tx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: userEmails.id })
    .from(userEmails)
    .where(sql`lower(${userEmails.email}) = lower(${email})`)
    .limit(1);
  return row !== undefined;
}

export interface UserForLogin {
  id: number;
  name: string;
  isAdmin: boolean;
  isBlocked: boolean;
  passwordHash: string | null;
}

/** The account owning this e-mail, primary or not (e-mails are unique regardless of case). */
export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserForLogin | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      isAdmin: users.isAdmin,
      isBlocked: users.isBlocked,
      passwordHash: users.passwordHash,
    })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(sql`lower(${userEmails.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function findSessionUserById(db: Db | Tx, id: number): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, isAdmin: users.isAdmin, email: userEmails.email })
    .from(users)
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(eq(users.id, id))
    .limit(1);
  return row ? { ...row, email: row.email ?? '' } : undefined;
}

/** Escapes LIKE's wildcards so that a search for "a_b" or "100%" means those characters. */
export function likePattern(q: string, mode: 'prefix' | 'contains'): string {
  const escaped = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
