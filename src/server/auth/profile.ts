// The logged-in user's own account: name, affiliation, e-mails and password.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangePasswordRequest, Profile, UpdateProfileRequest } from '../../contracts/auth';
import { isUniqueViolation } from '../db/errors';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import type { AuthDeps } from './accounts';
import { hashPassword, verifyPassword } from './passwords';
import { userEmails, users } from './schema';
import { deleteUserSessions } from './sessions';
import { emailInUse, emailTaken } from './users-store';

export async function getProfile(deps: AuthDeps, userId: number): Promise<Profile> {
  const [user] = await deps.db
    .select({ id: users.id, name: users.name, affiliation: users.affiliation, isAdmin: users.isAdmin })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFound('This account');
  const emails = await deps.db
    .select({ id: userEmails.id, email: userEmails.email, isPrimary: userEmails.isPrimary })
    .from(userEmails)
    .where(eq(userEmails.userId, userId))
    .orderBy(desc(userEmails.isPrimary), asc(userEmails.id));
  return { ...user, emails };
}

export async function updateProfile(
  deps: AuthDeps,
  userId: number,
  input: z.output<typeof UpdateProfileRequest>,
): Promise<Profile> {
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.affiliation !== undefined ? { affiliation: input.affiliation } : {}),
  };
  if (Object.keys(changes).length > 0) {
    await deps.db
      .update(users)
      .set({ ...changes, updatedAt: deps.clock() })
      .where(eq(users.id, userId));
  }
  return getProfile(deps, userId);
}

/** Adds a secondary e-mail; one used by any account (in any case) is a 409 on `email`. */
export async function addEmail(deps: AuthDeps, userId: number, email: string): Promise<Profile> {
  if (await emailInUse(deps.db, email)) throw emailTaken();
  try {
    await deps.db.insert(userEmails).values({ userId, email, isPrimary: false, createdAt: deps.clock() });
  } catch (err) {
    // Another request added the same e-mail between the check and the insert.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  return getProfile(deps, userId);
}

async function ownEmail(deps: AuthDeps, userId: number, emailId: number) {
  const [row] = await deps.db
    .select({ id: userEmails.id, isPrimary: userEmails.isPrimary })
    .from(userEmails)
    .where(and(eq(userEmails.id, emailId), eq(userEmails.userId, userId)));
  // Someone else's e-mail looks the same as a missing one.
  if (!row) throw new NotFound('This e-mail address');
  return row;
}

export async function removeEmail(deps: AuthDeps, userId: number, emailId: number): Promise<Profile> {
  const email = await ownEmail(deps, userId, emailId);
  if (email.isPrimary) {
    throw new Conflict('The primary e-mail address cannot be removed: make another one primary first.');
  }
  await deps.db.delete(userEmails).where(and(eq(userEmails.id, emailId), eq(userEmails.userId, userId)));
  return getProfile(deps, userId);
}

export async function makeEmailPrimary(deps: AuthDeps, userId: number, emailId: number): Promise<Profile> {
  const email = await ownEmail(deps, userId, emailId);
  if (!email.isPrimary) {
    await deps.db.transaction(async (tx) => {
      // The partial unique index allows one primary per user: clear the old one before setting the new.
      await tx
        .update(userEmails)
        .set({ isPrimary: false })
        .where(and(eq(userEmails.userId, userId), eq(userEmails.isPrimary, true)));
      await tx.update(userEmails).set({ isPrimary: true }).where(eq(userEmails.id, emailId));
    });
  }
  return getProfile(deps, userId);
}

/** Changes the password after checking the current one, and ends every other session of the user. */
export async function changePassword(
  deps: AuthDeps,
  userId: number,
  input: z.output<typeof ChangePasswordRequest>,
  currentSessionToken: string | undefined,
): Promise<void> {
  const [user] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFound('This account');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw ValidationFailed.field('currentPassword', 'is not your current password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.update(users).set({ passwordHash, updatedAt: deps.clock() }).where(eq(users.id, userId));
  await deleteUserSessions(deps.db, userId, currentSessionToken);
}
