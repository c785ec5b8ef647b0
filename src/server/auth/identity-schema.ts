// Tables of single sign-on and of the account lifecycle (sign-up, password reset, invitations).
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sessions, users } from './schema';

/** A person's account at an identity provider, linked to their Convene account. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's id in OIDC_PROVIDERS, for display and for the Zoom lookup by username. */
    provider: text('provider').notNull(),
    /** issuer + subject is the identity: the subject is unique only within its issuer. */
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** The provider's username claim at the last login ('' when it sent none). */
    username: text('username').notNull().default(''),
    /** The e-mail address the provider gave at the last login ('' when none). */
    email: text('email').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('user_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/** Which provider a session was opened through, so that logging out can end the provider's session too. */
export const ssoSessions = pgTable('sso_sessions', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  provider: text('provider').notNull(),
});

export const ACCOUNT_TOKEN_PURPOSES = ['signup', 'password_reset', 'invitation'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Single-use links sent by e-mail. Only the sha256 of the token is kept: a leaked table gives no working link.
 * `data` holds what the link completes (a sign-up's name and password hash, an invitation's rights).
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    email: text('email').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_expires_idx').on(t.expiresAt), index('account_tokens_user_idx').on(t.userId)],
);
