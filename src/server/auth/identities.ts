// A person's linked identities, as administrators see and remove them.
import { and, asc, eq } from 'drizzle-orm';
import type { UserIdentity } from '../../contracts/identity';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { NotFound } from '../errors';
import { userIdentities } from './identity-schema';
import { users } from './schema';

export async function listIdentities(
  deps: { db: Db; config: Config },
  userId: number,
): Promise<UserIdentity[]> {
  const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound('This user');
  const rows = await deps.db
    .select()
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.id));
  const nameOf = (id: string) => deps.config.oidcProviders.find((p) => p.id === id)?.name ?? id;
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    providerName: nameOf(r.provider),
    subject: r.subject,
    username: r.username,
    email: r.email,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }));
}

/**
 * Unlinks an identity. Its next login links again only through a verified e-mail address of an account,
 * or else makes a new account, as a first login would.
 */
export async function removeIdentity(db: Db, userId: number, identityId: number): Promise<void> {
  const removed = await db
    .delete(userIdentities)
    .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)))
    .returning({ id: userIdentities.id });
  if (removed.length === 0) throw new NotFound('This identity');
}
