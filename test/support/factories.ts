import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/server/auth/passwords';
import { userEmails, users } from '../../src/server/auth/schema';
import { createSession } from '../../src/server/auth/sessions';
import type { Db } from '../../src/server/db/client';
import type { App } from '../../src/server/http/types';
import { Agent } from './app';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: string | undefined;

export interface MadeUser {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** Inserts a user with a primary e-mail; all test users share TEST_PASSWORD (hashed once per file). */
export async function makeUser(
  db: Db,
  overrides: {
    name?: string;
    email?: string;
    isAdmin?: boolean;
    isBlocked?: boolean;
    affiliation?: string;
  } = {},
): Promise<MadeUser> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const tag = randomBytes(4).toString('hex');
  const name = overrides.name ?? `User ${tag}`;
  const email = overrides.email ?? `user-${tag}@example.org`;
  const [row] = await db
    .insert(users)
    .values({
      name,
      affiliation: overrides.affiliation ?? '',
      passwordHash: cachedHash,
      isAdmin: overrides.isAdmin ?? false,
      isBlocked: overrides.isBlocked ?? false,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert returned nothing');
  await db.insert(userEmails).values({ userId: row.id, email, isPrimary: true });
  return { id: row.id, name, email, isAdmin: overrides.isAdmin ?? false };
}

/**
 * An Agent already logged in as `user` (session created directly, no login round trip). Pass `now` when
 * the app runs on a fake clock, or the session may already have expired in the app's time.
 */
export async function agentFor(
  app: App,
  db: Db,
  user: MadeUser | undefined,
  now = new Date(),
): Promise<Agent> {
  const agent = new Agent(app);
  if (user) {
    const { token } = await createSession(db, user.id, {
      ip: '127.0.0.1',
      userAgent: 'test',
      now,
    });
    agent.setCookie('convene_session', token);
  }
  return agent;
}
