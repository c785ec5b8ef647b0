// User administration: list and search, create, grant or revoke admin, block or unblock.
import { and, asc, count, eq, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ADMIN_USERS_PAGE_SIZE,
  type AdminUser,
  type AdminUsersPage,
  type AdminUsersQuery,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../../contracts/auth';
import type { Db } from '../db/client';
import type { Tx } from '../db/types';
import { Forbidden, NotFound, ValidationFailed } from '../errors';
import type { AuthDeps } from './accounts';
import { hashPassword } from './passwords';
import { userEmails, users } from './schema';
import { deleteUserSessions } from './sessions';
import { emailInUse, emailTaken, insertUser, likePattern } from './users-store';

/** Serialises changes of admin rights, so that two admins demoting each other cannot leave none. */
const ADMIN_RIGHTS_LOCK = 727_102;

const adminUserColumns = {
  id: users.id,
  name: users.name,
  affiliation: users.affiliation,
  email: userEmails.email,
  isAdmin: users.isAdmin,
  isBlocked: users.isBlocked,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

type AdminUserRow = {
  id: number;
  name: string;
  affiliation: string;
  email: string | null;
  isAdmin: boolean;
  isBlocked: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
};

function presentAdminUser(row: AdminUserRow): AdminUser {
  return {
    ...row,
    email: row.email ?? '',
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** Name or any of the user's e-mails contains q, case-insensitively. */
function matches(q: string): SQL | undefined {
  if (!q) return undefined;
  const pattern = likePattern(q, 'contains');
  const anyEmail = sql`EXISTS (SELECT 1 FROM ${userEmails} e WHERE e.user_id = ${users.id} AND lower(e.email) LIKE ${pattern})`;
  return or(sql`lower(${users.name}) LIKE ${pattern}`, anyEmail);
}

export async function listUsers(
  deps: AuthDeps,
  query: z.output<typeof AdminUsersQuery>,
): Promise<AdminUsersPage> {
  const where = matches(query.q);
  const primary = and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true));
  const [rows, totals] = await Promise.all([
    deps.db
      .select(adminUserColumns)
      .from(users)
      .leftJoin(userEmails, primary)
      .where(where)
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(ADMIN_USERS_PAGE_SIZE)
      .offset((query.page - 1) * ADMIN_USERS_PAGE_SIZE),
    deps.db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    users: rows.map(presentAdminUser),
    total: totals[0]?.n ?? 0,
    page: query.page,
    pageSize: ADMIN_USERS_PAGE_SIZE,
  };
}

async function getAdminUser(db: Db | Tx, id: number): Promise<AdminUser> {
  const [row] = await db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(eq(users.id, id));
  if (!row) throw new NotFound('This user');
  return presentAdminUser(row);
}

export async function createUser(
  deps: AuthDeps,
  input: z.output<typeof CreateUserRequest>,
): Promise<AdminUser> {
  // Checked first to answer without spending a password hash; the unique index still decides races.
  if (await emailInUse(deps.db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction((tx) => insertUser(tx, { ...input, passwordHash }, deps.clock()));
  return getAdminUser(deps.db, id);
}

/**
 * Grants or revokes admin rights and blocks or unblocks. An admin may not do either to themselves, so
 * there is always an administrator left; blocking ends the user's sessions at once.
 */
export async function updateUser(
  deps: AuthDeps,
  actorId: number,
  targetId: number,
  input: z.output<typeof UpdateUserRequest>,
): Promise<AdminUser> {
  if (targetId === actorId && input.isAdmin === false) {
    throw ValidationFailed.field('isAdmin', 'You cannot revoke your own administrator rights.');
  }
  if (targetId === actorId && input.isBlocked === true) {
    throw ValidationFailed.field('isBlocked', 'You cannot block yourself.');
  }
  const user = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADMIN_RIGHTS_LOCK})`);
    const [actor] = await tx
      .select({ isAdmin: users.isAdmin, isBlocked: users.isBlocked })
      .from(users)
      .where(eq(users.id, actorId));
    // Another admin may have revoked the actor's rights while this request waited for the lock.
    if (!actor?.isAdmin || actor.isBlocked) throw new Forbidden('Only administrators may do this.');
    const changes = {
      ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
      ...(input.isBlocked !== undefined ? { isBlocked: input.isBlocked } : {}),
    };
    if (Object.keys(changes).length > 0) {
      const updated = await tx
        .update(users)
        .set({ ...changes, updatedAt: deps.clock() })
        .where(eq(users.id, targetId))
        .returning({ id: users.id });
      if (updated.length === 0) throw new NotFound('This user');
    }
    return getAdminUser(tx, targetId);
  });
  // After the commit is soon enough: a blocked user's sessions already stop working (findSessionUser).
  if (input.isBlocked === true) await deleteUserSessions(deps.db, targetId);
  return user;
}
