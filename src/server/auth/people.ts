// What other features read of the accounts: people by id with their primary e-mail. They go through these
// functions, never through the auth tables.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types';
import { userEmails, users } from './schema';

export interface Person {
  id: number;
  name: string;
  /** The primary e-mail ('' when the account has none). */
  email: string;
  affiliation: string;
}

/** The people with these ids, by id, in one query; unknown ids are absent. */
export async function findPeople(db: DbOrTx, ids: number[]): Promise<Map<number, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: userEmails.email, affiliation: users.affiliation })
    .from(users)
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { ...r, email: r.email ?? '' }]));
}

/** The primary e-mail of each of these users that has one, by user id, in one query. */
export async function primaryEmailsOf(db: DbOrTx, userIds: number[]): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: userEmails.userId, email: userEmails.email })
    .from(userEmails)
    .where(and(inArray(userEmails.userId, userIds), eq(userEmails.isPrimary, true)));
  return new Map(rows.map((r) => [r.userId, r.email]));
}
