// Which Convene account an identity (issuer + subject) logs into: the one it is linked to; else the account
// of the same e-mail address when the provider says the address is verified (then linked); else a new
// account made from the claims. Everything in one transaction: a refusal leaves nothing behind.
import { and, eq, sql } from 'drizzle-orm';
import type { SsoErrorCode } from '../../../contracts/identity';
import type { OidcProviderConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/types';
import { userIdentities } from '../identity-schema';
import { userEmails, users } from '../schema';
import { findUserByEmail } from '../users-store';

/** A login through an identity provider that ends without a session; `code` says why (SSO_ERRORS). */
export class SsoFailure extends Error {
  override name = 'SsoFailure';
  constructor(
    readonly code: SsoErrorCode,
    /** For the log only: never shown, never holding a token or a code. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** Serialises first logins of one identity across requests and instances (with the identity's hash). */
const IDENTITY_LOCK = 727_103;

/** A claim as text PostgreSQL accepts: well formed, without NUL characters, trimmed ('' when not a string). */
const str = (v: unknown): string =>
  typeof v === 'string'
    ? v
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
        .replace(/\0/g, '')
        .trim()
    : '';

export interface IdentityClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

function nameFrom(claims: Record<string, unknown>, username: string, email: string): string {
  const full =
    str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ');
  return (full || username || email.slice(0, email.indexOf('@'))).slice(0, 200);
}

/** The account this identity logs into, created or linked as needed; throws SsoFailure when refused. */
export async function accountForIdentity(
  db: Db,
  provider: OidcProviderConfig,
  identity: IdentityClaims,
  now: Date,
): Promise<{ userId: number; created: boolean; linked: boolean }> {
  const { claims } = identity;
  const username = str(claims[provider.usernameClaim]).slice(0, 200);
  const email = str(claims.email).toLowerCase();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(${IDENTITY_LOCK}, hashtext(${`${identity.issuer} ${identity.subject}`}))`,
    );
    const [known] = await tx
      .select({ id: userIdentities.id, userId: userIdentities.userId, isBlocked: users.isBlocked })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
    if (known) {
      if (known.isBlocked) throw new SsoFailure('blocked', `user ${known.userId} is blocked`);
      await tx
        .update(userIdentities)
        .set({ username, email, lastLoginAt: now })
        .where(eq(userIdentities.id, known.id));
      await touchLogin(tx, known.userId, now);
      return { userId: known.userId, created: false, linked: false };
    }
    // A first login while nobody has set Convene up would make an account without any administrator.
    const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
    if (!anyone) throw new SsoFailure('setup_needed', 'no account exists yet');
    if (!email.includes('@')) throw new SsoFailure('no_email', 'the claims have no e-mail address');
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      // Linking on an unverified address would let whoever sets that address at the provider take the account.
      if (claims.email_verified !== true)
        throw new SsoFailure('email_unverified', `${email} belongs to user ${existing.id}; not verified`);
      if (existing.isBlocked) throw new SsoFailure('blocked', `user ${existing.id} is blocked`);
      await insertIdentity(tx, existing.id, provider, identity, { username, email }, now);
      await touchLogin(tx, existing.id, now);
      return { userId: existing.id, created: false, linked: true };
    }
    const [user] = await tx
      .insert(users)
      .values({
        name: nameFrom(claims, username, email),
        affiliation: str(claims[provider.affiliationClaim]).slice(0, 200),
        passwordHash: null,
        createdAt: now,
        updatedAt: now,
        lastLoginAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('inserting a user returned no row');
    await tx.insert(userEmails).values({ userId: user.id, email, isPrimary: true, createdAt: now });
    await insertIdentity(tx, user.id, provider, identity, { username, email }, now);
    return { userId: user.id, created: true, linked: false };
  });
}

async function insertIdentity(
  tx: Tx,
  userId: number,
  provider: OidcProviderConfig,
  identity: IdentityClaims,
  seen: { username: string; email: string },
  now: Date,
): Promise<void> {
  await tx.insert(userIdentities).values({
    userId,
    provider: provider.id,
    issuer: identity.issuer,
    subject: identity.subject,
    username: seen.username,
    email: seen.email,
    createdAt: now,
    lastLoginAt: now,
  });
}

async function touchLogin(tx: Tx, userId: number, now: Date): Promise<void> {
  await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}
