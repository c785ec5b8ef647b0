// Local accounts without an administrator typing them in: self sign-up with a verified e-mail address,
// password reset by e-mail and invitations by e-mail. Each sends a single-use link through the mail outbox;
// the token is kept hashed, expires, and is spent atomically when the link is followed.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../contracts/auth';
import type {
  InvitationAccept,
  InvitationRequest,
  PasswordResetConfirm,
  SignupRequest,
} from '../../contracts/identity';
import type { Tx } from '../db/types';
import { Forbidden, ValidationFailed } from '../errors';
import type { AppDeps } from '../http/types';
import type { ClientInfo } from './accounts';
import { domainAllowed, passwordLoginAllowed, readAuthSettings } from './auth-settings';
import { type AccountTokenPurpose, accountTokens } from './identity-schema';
import { hashPassword } from './passwords';
import { users } from './schema';
import { createSession, deleteUserSessions } from './sessions';
import { emailInUse, emailTaken, findSessionUserById, findUserByEmail, insertUser } from './users-store';

export type LifecycleDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'mailer'>;

const HOUR = 3600 * 1000;
/** How long each kind of link works. */
export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  signup: 24 * HOUR,
  password_reset: 1 * HOUR,
  invitation: 7 * 24 * HOUR,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const SIGNUP_ACCEPTED =
  'Check your mailbox: we sent a link to confirm your address. Your account is created when you follow it.';
export const RESET_ACCEPTED =
  'If an account uses this address, we sent it a link to choose a new password. The link works for one hour.';
const LINK_SPENT = 'This link has expired or was already used: ask for a new one.';

async function issueToken(
  tx: Tx,
  deps: LifecycleDeps,
  purpose: AccountTokenPurpose,
  email: string,
  fields: { userId?: number; data?: Record<string, unknown> },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock();
  await tx.insert(accountTokens).values({
    id: hashToken(token),
    purpose,
    email,
    userId: fields.userId ?? null,
    data: fields.data ?? {},
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** Spends a token: at most one request ever gets its row back, and only before it expires. */
async function spendToken(tx: Tx, deps: LifecycleDeps, purpose: AccountTokenPurpose, token: string) {
  const now = deps.clock();
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.id, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!row) throw ValidationFailed.field('token', LINK_SPENT);
  return row;
}

const link = (deps: LifecycleDeps, path: string, token: string) =>
  `${deps.config.baseUrl}${path}?token=${encodeURIComponent(token)}`;

async function loggedIn(deps: LifecycleDeps, userId: number, client: ClientInfo) {
  const user = await findSessionUserById(deps.db, userId);
  if (!user) throw new Error(`user ${userId} vanished while logging in`);
  const { token, expiresAt } = await createSession(deps.db, userId, { ...client, now: deps.clock() });
  return { user, token, expiresAt };
}

// ---- Sign-up ----

/**
 * Sends a confirmation link; the account is made when it is followed, so nobody gets an account for an
 * address they cannot read. An address that already has an account gets a note instead of a link, and the
 * answer is the same, so sign-up does not tell who has an account here.
 */
export async function signUp(deps: LifecycleDeps, input: z.output<typeof SignupRequest>): Promise<void> {
  const settings = await readAuthSettings(deps.db);
  if (!settings.signupEnabled || !(await passwordLoginAllowed(deps)))
    throw new Forbidden('Creating an account is turned off here: ask an administrator for an invitation.');
  if (!domainAllowed(input.email, settings.signupDomains))
    throw ValidationFailed.field('email', `must be an address in ${settings.signupDomains.join(', ')}`);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    if (await emailInUse(tx, input.email)) {
      await deps.mailer.queue(tx, {
        to: [input.email],
        subject: 'You already have a Convene account',
        text:
          'Someone (probably you) tried to create a Convene account with this address, which already has one.\n\n' +
          `To log in: ${deps.config.baseUrl}/login\nForgot your password? ${deps.config.baseUrl}/password-reset\n\n` +
          'If it was not you, you can ignore this e-mail.',
        module: 'auth',
      });
      return;
    }
    const token = await issueToken(tx, deps, 'signup', input.email, {
      data: { name: input.name, affiliation: input.affiliation, passwordHash },
    });
    await deps.mailer.queue(tx, {
      to: [input.email],
      subject: 'Confirm your Convene account',
      text:
        `Hello ${input.name},\n\nTo confirm your address and create your Convene account, open this link ` +
        `(it works for 24 hours, once):\n\n${link(deps, '/signup/confirm', token)}\n\n` +
        'If you did not ask for an account, you can ignore this e-mail.',
      module: 'auth',
    });
  });
}

/** Creates the account of a confirmed sign-up and logs it in. */
export async function confirmSignup(deps: LifecycleDeps, token: string, client: ClientInfo) {
  const userId = await deps.db.transaction(async (tx) => {
    const row = await spendToken(tx, deps, 'signup', token);
    const data = row.data as { name?: unknown; affiliation?: unknown; passwordHash?: unknown };
    if (typeof data.name !== 'string' || typeof data.passwordHash !== 'string')
      throw ValidationFailed.field('token', LINK_SPENT);
    return insertUser(
      tx,
      {
        name: data.name,
        affiliation: typeof data.affiliation === 'string' ? data.affiliation : '',
        email: row.email,
        passwordHash: data.passwordHash,
        isAdmin: false,
      },
      deps.clock(),
    );
  });
  return loggedIn(deps, userId, client);
}

// ---- Password reset ----

/** Mails a reset link when the address belongs to an account that may use a password; silent otherwise. */
export async function requestPasswordReset(deps: LifecycleDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.isBlocked) return;
  if (!user.isAdmin && !(await passwordLoginAllowed(deps))) return;
  await deps.db.transaction(async (tx) => {
    const token = await issueToken(tx, deps, 'password_reset', email, { userId: user.id });
    await deps.mailer.queue(tx, {
      to: [email],
      subject: 'Choose a new Convene password',
      text:
        `Hello ${user.name},\n\nTo choose a new password for your Convene account, open this link ` +
        `(it works for one hour, once):\n\n${link(deps, '/password-reset/confirm', token)}\n\n` +
        'If you did not ask for it, you can ignore this e-mail: your password stays as it is.',
      module: 'auth',
    });
  });
}

/**
 * Sets the new password, ends every session of the account and spends its other reset links, then logs in.
 */
export async function confirmPasswordReset(
  deps: LifecycleDeps,
  input: z.output<typeof PasswordResetConfirm>,
  client: ClientInfo,
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    const row = await spendToken(tx, deps, 'password_reset', input.token);
    if (row.userId === null) throw ValidationFailed.field('token', LINK_SPENT);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: deps.clock() })
      .where(and(eq(users.id, row.userId), eq(users.isBlocked, false)))
      .returning({ id: users.id });
    if (!user) throw ValidationFailed.field('token', LINK_SPENT);
    await tx
      .update(accountTokens)
      .set({ usedAt: deps.clock() })
      .where(
        and(
          eq(accountTokens.userId, user.id),
          eq(accountTokens.purpose, 'password_reset'),
          isNull(accountTokens.usedAt),
        ),
      );
    return user.id;
  });
  await deleteUserSessions(deps.db, userId);
  return loggedIn(deps, userId, client);
}

// ---- Invitations ----

export async function invite(
  deps: LifecycleDeps,
  inviter: SessionUser,
  input: z.output<typeof InvitationRequest>,
): Promise<void> {
  if (await emailInUse(deps.db, input.email)) throw emailTaken();
  await deps.db.transaction(async (tx) => {
    const token = await issueToken(tx, deps, 'invitation', input.email, {
      data: { isAdmin: input.isAdmin, invitedBy: inviter.id },
    });
    await deps.mailer.queue(tx, {
      to: [input.email],
      subject: `${inviter.name} invites you to Convene`,
      text:
        `Hello,\n\n${inviter.name} invites you to create your account on Convene. Open this link ` +
        `(it works for 7 days, once) to choose your name and password:\n\n${link(deps, '/invitation', token)}\n`,
      module: 'auth',
    });
  });
}

export async function acceptInvitation(
  deps: LifecycleDeps,
  input: z.output<typeof InvitationAccept>,
  client: ClientInfo,
) {
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    const row = await spendToken(tx, deps, 'invitation', input.token);
    const isAdmin = (row.data as { isAdmin?: unknown }).isAdmin === true;
    return insertUser(
      tx,
      { name: input.name, affiliation: input.affiliation, email: row.email, passwordHash, isAdmin },
      deps.clock(),
    );
  });
  return loggedIn(deps, userId, client);
}
