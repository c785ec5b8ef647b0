// The Zoom provider's API: its status, the administrator's settings and the connection test.
import { z } from 'zod';
import { UserSummary } from './auth';

export const ZoomStatus = z.object({
  /** sandbox: no Zoom credentials are configured; meetings live in Convene's built-in Zoom emulation. */
  mode: z.enum(['zoom', 'sandbox']),
});
export type ZoomStatus = z.infer<typeof ZoomStatus>;

// ---- Settings ----

/** Generated passcodes are this long (Indico's range, vc_zoom.md §1 "Security"). */
export const ZOOM_PASSCODE_LENGTH = { min: 8, max: 10 } as const;

/**
 * How a Convene user is matched to a Zoom user (vc_zoom.md §1 "Zoom Account"):
 * - all_emails: each of the user's e-mails, primary first;
 * - email_domains: only the user's e-mails in the listed domains;
 * - username_at_domain: `<username>@<enterpriseDomain>`. Convene has no identity providers, so the
 *   username is the local part of the user's primary e-mail (ada@physics.example.org → ada).
 */
export const ZoomUserLookupMode = z.enum(['all_emails', 'email_domains', 'username_at_domain']);
export type ZoomUserLookupMode = z.infer<typeof ZoomUserLookupMode>;

const DOMAIN_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** A DNS domain such as example.org, case ignored. No transform: response schemas must encode both ways. */
const Domain = z
  .string({ error: 'must be a domain such as example.org' })
  .trim()
  .toLowerCase()
  .regex(DOMAIN_PATTERN, { error: 'must be a domain such as example.org (without @)' });

const UserId = z.number({ error: 'must be a user id' }).int().positive().max(2_147_483_647);

const HttpUrl = z
  .string()
  .trim()
  .max(500, { error: 'must be at most 500 characters' })
  .refine((s) => s === '' || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)), {
    error: 'must be a web address starting with https:// or http://',
  });

/** The settings that are not credentials, as stored (one row per key in `settings`, module `zoom`). */
export const ZoomSettingsFields = z.object({
  /** false: everyone logged in may create Zoom rooms; true: only the users listed in creatorIds. */
  creatorsRestricted: z.boolean({ error: 'must be true or false' }),
  creatorIds: z.array(UserId).max(5000, { error: 'must list at most 5000 users' }),
  /** Users who may manage every Zoom room on the server (besides administrators). */
  managerIds: z.array(UserId).max(5000, { error: 'must list at most 5000 users' }),
  userLookupMode: ZoomUserLookupMode,
  emailDomains: z.array(Domain).max(100, { error: 'must list at most 100 domains' }),
  /** '' or a domain; used by username_at_domain. */
  enterpriseDomain: z.union([z.literal(''), Domain], { error: 'must be a domain such as example.org' }),
  allowWebinars: z.boolean({ error: 'must be true or false' }),
  passcodeLength: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(ZOOM_PASSCODE_LENGTH.min, { error: `must be at least ${ZOOM_PASSCODE_LENGTH.min}` })
    .max(ZOOM_PASSCODE_LENGTH.max, { error: `must be at most ${ZOOM_PASSCODE_LENGTH.max}` }),
  // Defaults of the room form's advanced settings.
  /** Participants join muted. */
  muteAudio: z.boolean({ error: 'must be true or false' }),
  /** The host joins with video off. */
  muteHostVideo: z.boolean({ error: 'must be true or false' }),
  /** Participants join with video off. */
  muteParticipantVideo: z.boolean({ error: 'must be true or false' }),
  /** Participants may join before the host (Zoom ignores it when the waiting room is on, zoom_api.md §2.2). */
  joinBeforeHost: z.boolean({ error: 'must be true or false' }),
  waitingRoom: z.boolean({ error: 'must be true or false' }),
  /** E-mail the host their start link when a meeting is created for them. */
  sendHostUrl: z.boolean({ error: 'must be true or false' }),
  /** '' or a page explaining how to join by phone. */
  phoneLink: HttpUrl,
});
export type ZoomSettingsValues = z.infer<typeof ZoomSettingsFields>;

export const ZOOM_SETTINGS_DEFAULTS: ZoomSettingsValues = {
  creatorsRestricted: false,
  creatorIds: [],
  managerIds: [],
  // Works without configuration (Indico defaults to email_domains, which needs a domain list).
  userLookupMode: 'all_emails',
  emailDomains: [],
  enterpriseDomain: '',
  allowWebinars: false,
  passcodeLength: 8,
  muteAudio: true,
  muteHostVideo: true,
  muteParticipantVideo: true,
  joinBeforeHost: true,
  waitingRoom: false,
  sendHostUrl: false,
  phoneLink: '',
};

type LookupFields = Pick<ZoomSettingsValues, 'userLookupMode' | 'emailDomains' | 'enterpriseDomain'>;

/** The lookup mode's own setting must be filled in. */
function checkLookupMode<T extends LookupFields>(v: T, ctx: z.core.$RefinementCtx<T>): void {
  if (v.userLookupMode === 'email_domains' && v.emailDomains.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['emailDomains'],
      message: 'must list at least one domain when users are looked up by e-mail domain',
    });
  if (v.userLookupMode === 'username_at_domain' && v.enterpriseDomain === '')
    ctx.addIssue({
      code: 'custom',
      path: ['enterpriseDomain'],
      message: 'is required when users are looked up by username',
    });
}

/** The settings with their cross-field rules (the web form validates with this). */
export const ZoomSettingsValues = ZoomSettingsFields.superRefine(checkLookupMode);

export const ZOOM_CREDENTIAL_KEYS = ['accountId', 'clientId', 'clientSecret', 'webhookSecret'] as const;
export type ZoomCredentialKey = (typeof ZOOM_CREDENTIAL_KEYS)[number];

/** Absent: keep what is stored; null: remove it; a string: store it. */
const CredentialInput = z
  .string({ error: 'must be text, or null to remove it' })
  .trim()
  .min(1, { error: 'must not be empty (send null to remove it)' })
  .max(300, { error: 'must be at most 300 characters' })
  .nullable()
  .optional();

const CredentialsInput = {
  accountId: CredentialInput,
  clientId: CredentialInput,
  clientSecret: CredentialInput,
  webhookSecret: CredentialInput,
};

/** Replaces the settings; credentials are write-only and changed only when given. */
export const UpdateZoomSettingsRequest =
  ZoomSettingsFields.extend(CredentialsInput).superRefine(checkLookupMode);
export type UpdateZoomSettingsRequest = z.input<typeof UpdateZoomSettingsRequest>;

/** What the API says about a credential: never its value. */
export const ZoomCredentialState = z.object({
  set: z.boolean(),
  /** Set by the environment (it wins over the admin settings, which cannot change it). */
  fromEnvironment: z.boolean(),
  /** The environment variable that sets it. */
  envName: z.string(),
});
export type ZoomCredentialState = z.infer<typeof ZoomCredentialState>;

export const ZoomAdminSettings = z.object({
  mode: ZoomStatus.shape.mode,
  /** The sandbox is in use although credentials are now configured: a restart switches to Zoom. */
  restartNeeded: z.boolean(),
  credentials: z.object({
    accountId: ZoomCredentialState,
    clientId: ZoomCredentialState,
    clientSecret: ZoomCredentialState,
    webhookSecret: ZoomCredentialState,
  }),
  /** Where Zoom must send event notifications (the "Event notification endpoint URL" of the app). */
  webhookUrl: z.string(),
  settings: ZoomSettingsFields,
  /** The users named by creatorIds and managerIds (ids of deleted users are left out of both). */
  users: z.array(UserSummary),
});
export type ZoomAdminSettings = z.infer<typeof ZoomAdminSettings>;

// ---- Test connection ----

/** Credentials typed in the form but not saved yet; what is absent comes from the saved settings. */
export const TestZoomConnectionRequest = z.object({
  accountId: CredentialInput,
  clientId: CredentialInput,
  clientSecret: CredentialInput,
});
export type TestZoomConnectionRequest = z.input<typeof TestZoomConnectionRequest>;

export const ZoomMissingScope = z.object({
  purpose: z.string(),
  /** The name to add to the app, in the vocabulary (granular or classic) the app already uses. */
  scope: z.string(),
});

export const TestZoomConnectionResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** sandbox: Convene's built-in Zoom sandbox was tested; zoom: the configured credentials. */
    target: z.enum(['zoom', 'sandbox']),
    apiUrl: z.string(),
    scopes: z.array(z.string()),
    missingScopes: z.array(ZoomMissingScope),
  }),
  z.object({
    ok: z.literal(false),
    target: z.enum(['zoom', 'sandbox']),
    /** The ZoomError kind: credentials, unavailable, timeout, … */
    kind: z.string(),
    message: z.string(),
  }),
]);
export type TestZoomConnectionResult = z.infer<typeof TestZoomConnectionResult>;
