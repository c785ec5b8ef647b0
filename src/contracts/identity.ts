// Single sign-on and the account lifecycle: login options, linked identities, the accounts settings,
// sign-up, password reset and invitations.
import { z } from 'zod';
import { AffiliationField, EmailField, NameField, NewPasswordField } from './auth';

// ---- Login options ----

export const SsoProviderSummary = z.object({ id: z.string(), name: z.string() });
export type SsoProviderSummary = z.infer<typeof SsoProviderSummary>;

export const AuthOptions = z.object({
  /** Identity providers, each a "Log in with <name>" button. */
  providers: z.array(SsoProviderSummary),
  /** Whether people may log in with a password (administrators always may). */
  localPasswords: z.boolean(),
  /** Whether people may create their own account. */
  signup: z.boolean(),
});
export type AuthOptions = z.infer<typeof AuthOptions>;

/**
 * Why a single sign-on ended without a session. The callback redirects to /login?sso_error=<code>, and the
 * login page says the sentence below (the provider's name replaces "the identity provider" when known).
 */
export const SSO_ERRORS = {
  unknown_provider: 'This identity provider is not configured on Convene.',
  unavailable: 'The identity provider cannot be reached right now. Please try again later.',
  cancelled: 'The login was cancelled at the identity provider.',
  provider_error: 'The identity provider refused the login.',
  expired: 'This login was started too long ago, or in another browser. Please start again.',
  state:
    'The answer from the identity provider does not belong to the login started here (state mismatch), so it was refused. Please start again.',
  code: 'The identity provider refused the login code: it was already used or has expired. Please start again.',
  wrong_audience:
    'The identity provider sent an identity token issued for another application, so it was refused.',
  nonce: 'The identity token does not belong to this login (nonce mismatch), so it was refused.',
  token_expired:
    'The identity token has expired (check that the clocks of Convene and the identity provider agree).',
  invalid_token:
    'The identity provider sent an identity token that Convene could not verify, so it was refused.',
  no_email:
    'The identity provider did not give your e-mail address, so Convene cannot create or find your account. Ask the provider’s administrators to release the e-mail claim.',
  email_unverified:
    'An account with your e-mail address already exists, but the identity provider does not confirm that the address is yours, so it was not linked. Log in with your password, or ask an administrator.',
  blocked: 'Your Convene account is blocked.',
  setup_needed: 'Convene is not set up yet: its administrator must first create the first account.',
  failed: 'The login with the identity provider failed. Please try again.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;

export const SsoLoginQuery = z.object({
  next: z.string().max(2000).optional(),
});

export const SsoProviderParams = z.object({ provider: z.string().max(40) });

export const SsoCallbackQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const EndSessionResponse = z.object({
  /** Where to send the browser after logging out to end the identity provider's session too; null: nowhere. */
  url: z.string().nullable(),
});
export type EndSessionResponse = z.infer<typeof EndSessionResponse>;

// ---- Linked identities (administration) ----

export const UserIdentity = z.object({
  id: z.number().int(),
  provider: z.string(),
  providerName: z.string(),
  subject: z.string(),
  username: z.string(),
  email: z.string(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserIdentity = z.infer<typeof UserIdentity>;

export const UserIdentities = z.object({ identities: z.array(UserIdentity) });
export type UserIdentities = z.infer<typeof UserIdentities>;

export const UserIdentityParams = z.object({
  id: z.coerce.number({ error: 'must be a number' }).int().positive().max(2_147_483_647),
  identityId: z.coerce.number({ error: 'must be a number' }).int().positive().max(2_147_483_647),
});

// ---- Accounts settings (administration) ----

const DOMAIN_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const AuthSettingsValues = z.object({
  /** false: only administrators may log in with a password; everyone else uses single sign-on. */
  localPasswords: z.boolean({ error: 'must be true or false' }),
  /** Whether people may create their own account (with a verified e-mail address). */
  signupEnabled: z.boolean({ error: 'must be true or false' }),
  /** When not empty, only addresses in these domains may sign up. */
  signupDomains: z
    .array(
      z
        .string({ error: 'must be a domain such as example.org' })
        .trim()
        .toLowerCase()
        .regex(DOMAIN_PATTERN, { error: 'must be a domain such as example.org (without @)' }),
    )
    .max(100, { error: 'must list at most 100 domains' }),
});
export type AuthSettingsValues = z.infer<typeof AuthSettingsValues>;

export const AUTH_SETTINGS_DEFAULTS: AuthSettingsValues = {
  localPasswords: true,
  signupEnabled: false,
  signupDomains: [],
};

export const AuthAdminSettings = z.object({
  settings: AuthSettingsValues,
  providers: z.array(SsoProviderSummary),
  /** Whether e-mails leave the server (SMTP configured) or are only kept in the outbox. */
  mailDelivers: z.boolean(),
});
export type AuthAdminSettings = z.infer<typeof AuthAdminSettings>;

// ---- Sign-up, password reset, invitations ----

export const SignupRequest = z.object({
  name: NameField,
  affiliation: AffiliationField.default(''),
  email: EmailField,
  password: NewPasswordField,
});
export type SignupRequest = z.input<typeof SignupRequest>;

/** The same answer whatever happened, so that it does not tell whether an address has an account. */
export const AcceptedResponse = z.object({ message: z.string() });
export type AcceptedResponse = z.infer<typeof AcceptedResponse>;

const TokenField = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'is not a valid link: copy the whole link from the e-mail' });

export const TokenRequest = z.object({ token: TokenField });
export type TokenRequest = z.input<typeof TokenRequest>;

export const PasswordResetRequest = z.object({ email: EmailField });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

export const PasswordResetConfirm = z.object({ token: TokenField, password: NewPasswordField });
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirm>;

export const InvitationRequest = z.object({
  email: EmailField,
  isAdmin: z.boolean({ error: 'must be true or false' }).default(false),
});
export type InvitationRequest = z.input<typeof InvitationRequest>;

export const InvitationAccept = z.object({
  token: TokenField,
  name: NameField,
  affiliation: AffiliationField.default(''),
  password: NewPasswordField,
});
export type InvitationAccept = z.input<typeof InvitationAccept>;
