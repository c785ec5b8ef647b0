// The user picker: find people by name or by any of their e-mails.
import { and, asc, eq, sql } from 'drizzle-orm';
import { USER_SEARCH_LIMIT, type UserSummary } from '../../contracts/auth';
import type { AuthDeps } from './accounts';
import { userEmails, users } from './schema';
import { likePattern } from './users-store';

/**
 * Name contains q (people type a surname as often as a first name). Administrators also find people by the
 * start of any of their e-mails and see the primary e-mail; everyone else finds a person by a whole e-mail
 * address they already know and sees no address: the picker must not be a directory of e-mails.
 * Blocked users are left out. Names starting with q come first.
 */
export async function searchUsers(
  deps: AuthDeps,
  q: string,
  viewer: { isAdmin: boolean },
): Promise<UserSummary[]> {
  const nameContains = likePattern(q, 'contains');
  const prefix = likePattern(q, 'prefix');
  const emailMatch = viewer.isAdmin
    ? sql`lower(e.email) LIKE ${prefix}`
    : sql`lower(e.email) = ${q.trim().toLowerCase()}`;
  const rows = await deps.db
    .select({ id: users.id, name: users.name, email: userEmails.email, affiliation: users.affiliation })
    .from(users)
    .innerJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(
      and(
        eq(users.isBlocked, false),
        sql`(lower(${users.name}) LIKE ${nameContains} OR EXISTS (
          SELECT 1 FROM ${userEmails} e WHERE e.user_id = ${users.id} AND ${emailMatch}))`,
      ),
    )
    .orderBy(sql`lower(${users.name}) LIKE ${prefix} DESC`, asc(sql`lower(${users.name})`), asc(users.id))
    .limit(USER_SEARCH_LIMIT);
  return viewer.isAdmin ? rows : rows.map(({ email: _email, ...rest }) => rest);
}
