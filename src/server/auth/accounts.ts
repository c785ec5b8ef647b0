// First-run setup, login and logout: plain functions of (deps, input), called by the routes.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { LoginRequest, SessionUser, SetupRequest } from '../../contracts/auth';
import type { Db } from '../db/client';
import { AppError, Conflict } from '../errors';
import type { Clock } from '../http/types';
import { hashPassword, verifyPassword } from './passwords';
import { userEmails, users } from './schema';
import { createSession } from './sessions';
import { clearLoginFailures, reserveLoginAttempt } from './throttle';
import { findSessionUserById, findUserByEmail, insertUser } from './users-store';

export interface AuthDeps {
  db: Db;
  clock: Clock;
}

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** Serialises first-run setups across requests and instances; any constant shared by all instances. */
const SETUP_LOCK = 727_101;

export const WRONG_CREDENTIALS = 'E-mail or password is incorrect.';

export async function needsSetup(db: Db): Promise<boolean> {
  const result = await db.execute<{ exists: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM ${users}) AS "exists"`,
  );
  return result.rows[0]?.exists !== true;
}

/**
 * Creates the first account, an administrator, and logs them in. Two setups racing each other queue on an
 * advisory lock held until commit, so the second one sees the first one's user and gets a 409.
 */
export async function setupAdministrator(
  deps: AuthDeps,
  input: z.output<typeof SetupRequest>,
  client: ClientInfo,
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const now = deps.clock();
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing) throw new Conflict('Convene is already set up: log in instead.');
    return insertUser(tx, { ...input, passwordHash, isAdmin: true }, now);
  });
  return startSession(deps, userId, client);
}

// Verifying against a real hash when the e-mail is unknown keeps the answer's timing from telling
// whether an account exists.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => {
  dummyHash ??= hashPassword('not a password of anybody: timing padding');
  return dummyHash;
};

/**
 * Checks the e-mail (any of the account's, any case) and the password. Unknown e-mail, wrong password and
 * blocked account all get the same 401, so the answer does not tell which one it was.
 */
export async function login(
  deps: AuthDeps,
  input: z.output<typeof LoginRequest>,
  client: ClientInfo,
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const email = input.email.toLowerCase();
  // Counted as a failure until the password proves right: concurrent guesses cannot outrun the limit.
  const attemptId = await reserveLoginAttempt(deps.db, email, client.ip, deps.clock());
  const user = await findUserByEmail(deps.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), input.password);
  if (!user || !passwordOk || user.isBlocked) throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  const emails = await deps.db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(eq(userEmails.userId, user.id));
  await clearLoginFailures(
    deps.db,
    attemptId,
    emails.map((e) => e.email.toLowerCase()),
  );
  await deps.db.update(users).set({ lastLoginAt: deps.clock() }).where(eq(users.id, user.id));
  return startSession(deps, user.id, client);
}

async function startSession(deps: AuthDeps, userId: number, client: ClientInfo) {
  const user = await findSessionUserById(deps.db, userId);
  if (!user) throw new Error(`user ${userId} vanished while logging in`);
  const { token, expiresAt } = await createSession(deps.db, userId, { ...client, now: deps.clock() });
  return { user, token, expiresAt };
}
