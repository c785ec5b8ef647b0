// The Zoom provider's API: its status, the administrator's settings and the connection test.
import { z } from 'zod';
import { UserSummary } from './auth';

export const ZoomStatus = z.object({
  /** sandbox: no Zoom credentials are configured; meetings live in Convene's built-in Zoom emulation. */
  mode: z.enum(['zoom', 'sandbox']),
});
export type ZoomStatus = z.infer<typeof ZoomStatus>;

/**
 * A meeting number as Zoom prints it: 10 digits grouped 3-3-4 (603 268 1930), 11 digits 3-4-4
 * (812 3456 7890); other lengths in threes. The one formatter of server, sandbox and web client.
 */
export function formatMeetingId(id: string | number): string {
  const s = String(id);
  if (s.length === 11) return `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`;
  if (s.length === 10) return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
  return s.replace(/(\d{3})(?=\d)/g, '$1 ');
}

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

// ---- Rooms: the provider's fields of the Create/Edit form and of each link ----

/** Who sees the passcode (and a join link that carries it) on an event's pages; kept per link. */
export const ZoomPasscodeVisibility = z.enum(['everyone', 'logged_in', 'no_one']);
export type ZoomPasscodeVisibility = z.infer<typeof ZoomPasscodeVisibility>;

/** A regular meeting, or a webinar (offered only when webinars are allowed and the host has a licence). */
export const ZoomMeetingType = z.enum(['meeting', 'webinar']);
export type ZoomMeetingType = z.infer<typeof ZoomMeetingType>;

/** Zoom's `topic` holds at most 200 characters (vc_zoom.md §2): longer names are refused on field `name`. */
export const ZOOM_NAME_MAX = 200;

/** The API accepts at most 10 letters, digits and @ - _ * (zoom_api.md §2.6); '' means no passcode. */
export const ZoomPasscode = z
  .string({ error: 'must be text' })
  .trim()
  .max(10, { error: 'must have at most 10 characters' })
  .regex(/^[A-Za-z0-9@\-_*]*$/, { error: 'may contain only letters, digits and @ - _ *' });

/**
 * The Zoom fields of Create and Edit (under `form`). Defaults come from the administrator's settings
 * (GET the form values); the passcode is generated with the admin's length. The server checks more than
 * this schema can: the host's Zoom account (field `hostUserId`), the alternative hosts' (field
 * `alternativeHostIds`), the host's passcode requirements (field `passcode`) and the webinar licence
 * (field `meetingType`). A waiting room turns join-before-host off, as Zoom does (zoom_api.md §2.2).
 */
export const ZoomRoomForm = z
  .object({
    /** Sent to Zoom as the meeting's agenda (at most 2000 characters there). */
    description: z
      .string({ error: 'must be text' })
      .trim()
      .max(2000, { error: 'must be at most 2000 characters' })
      .default(''),
    /**
     * Create: null is the person saving the form ("Myself"), else the user who will host. Edit: the form
     * values carry the host's id (send another id to change the host; null keeps the host).
     */
    hostUserId: UserId.nullable().default(null),
    /** Users who may start the meeting too; each must be a Zoom user of the account, the host not among them. */
    alternativeHostIds: z.array(UserId).max(50, { error: 'must list at most 50 users' }).default([]),
    passcode: ZoomPasscode.default(''),
    /** Fixed once the meeting exists (Zoom converts only on zoom.us). */
    meetingType: ZoomMeetingType.default('meeting'),
    // Advanced settings.
    /** Participants join muted (meetings only). */
    muteAudio: z.boolean({ error: 'must be true or false' }).default(true),
    /** The host joins with video off. */
    muteHostVideo: z.boolean({ error: 'must be true or false' }).default(true),
    /** Participants join with video off (meetings only). */
    muteParticipantVideo: z.boolean({ error: 'must be true or false' }).default(true),
    /** Participants may join before the host; ignored (sent as off) while the waiting room is on. */
    joinBeforeHost: z.boolean({ error: 'must be true or false' }).default(true),
    waitingRoom: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.hostUserId !== null && v.alternativeHostIds.includes(v.hostUserId))
      ctx.addIssue({
        code: 'custom',
        path: ['alternativeHostIds'],
        message: 'must not include the host',
      });
    if (new Set(v.alternativeHostIds).size !== v.alternativeHostIds.length)
      ctx.addIssue({ code: 'custom', path: ['alternativeHostIds'], message: 'must not list a user twice' });
  });
export type ZoomRoomForm = z.infer<typeof ZoomRoomForm>;
export type ZoomRoomFormInput = z.input<typeof ZoomRoomForm>;

/** The Zoom fields of a link (under `linkForm`): Create, Edit and Add existing. */
export const ZoomLinkForm = z.object({
  passcodeVisibility: ZoomPasscodeVisibility.default('logged_in'),
});
export type ZoomLinkForm = z.infer<typeof ZoomLinkForm>;

/** Ids of the Zoom room actions (POST …/vc/links/:linkId/actions/:actionId). */
export const ZOOM_ACTIONS = { makeMeAlternativeHost: 'make-me-alternative-host' } as const;

/**
 * Where "Start" goes for the host, the alternative hosts and the managers: the server asks Zoom for a
 * fresh start link and redirects (302) to it; start links are never stored.
 */
export function zoomStartPath(roomId: number): string {
  return `/api/vc/zoom/rooms/${roomId}/start`;
}

// ---- Form helpers: users' Zoom accounts, the host's other meetings ----

const QueryId = z.coerce.number().int().positive().max(2_147_483_647);

/** GET /api/events/:eventId/vc/zoom/form-context: what the Zoom fields need besides the form values. */
export const ZoomFormContextQuery = z.object({
  /** Edit: the room whose host and alternative hosts are named in `users`. */
  roomId: QueryId.optional(),
});
export const ZoomFormContext = z.object({
  allowWebinars: z.boolean(),
  passcodeLength: z.number(),
  /** The users the form's ids name (the room's host and alternative hosts), for the pickers. */
  users: z.array(UserSummary),
});
export type ZoomFormContext = z.infer<typeof ZoomFormContext>;

/** GET /api/events/:eventId/vc/zoom/user-check?userId=: whether a user can be an (alternative) host. */
export const ZoomUserCheckQuery = z.object({ userId: QueryId });

/** The host's passcode requirements, when Zoom exposes them (zoom_api.md §2.6). */
export const ZoomPasscodeRules = z.object({
  required: z.boolean(),
  minLength: z.number(),
  maxLength: z.number(),
  letter: z.boolean(),
  number: z.boolean(),
  special: z.boolean(),
  mixedCase: z.boolean(),
  onlyNumeric: z.boolean(),
  maxConsecutive: z.number().nullable(),
});
export type ZoomPasscodeRules = z.infer<typeof ZoomPasscodeRules>;

export const ZoomUserCheck = z.object({
  user: z.object({ id: z.number(), name: z.string() }),
  /** The Zoom user's e-mail, null when the lookup found none. */
  zoomEmail: z.string().nullable(),
  /** Why the user cannot host, e.g. "Ada Lovelace has no Zoom account under ada@example.org"; null when they can. */
  message: z.string().nullable(),
});
export type ZoomUserCheck = z.infer<typeof ZoomUserCheck>;

/**
 * GET /api/events/:eventId/vc/zoom/host-check: resolves the host and lists their meetings overlapping what
 * the room is linked to ("in Zoom the same host cannot start several meetings in parallel", the seed's
 * warning). Managers of the event only.
 */
export const ZoomHostCheckQuery = z.object({
  /** Absent: the current user ("Myself"). */
  userId: QueryId.optional(),
  target: z.enum(['event', 'contribution', 'block']).default('event'),
  /** The contribution's or block's id (absent for the event). */
  targetId: QueryId.optional(),
  /** Edit: the room being edited, left out of the overlaps. */
  roomId: QueryId.optional(),
});

export const ZoomOverlap = z.object({
  /** zoom: from the host's meeting list on Zoom; convene: a room of this server linked to an overlapping time. */
  source: z.enum(['zoom', 'convene']),
  meetingId: z.string(),
  topic: z.string(),
  /** ISO times in UTC. */
  start: z.string(),
  end: z.string(),
  /** The Convene room and event, when known. */
  roomId: z.number().nullable(),
  event: z.object({ id: z.number(), title: z.string() }).nullable(),
});
export type ZoomOverlap = z.infer<typeof ZoomOverlap>;

export const ZoomHostCheck = ZoomUserCheck.extend({
  /** Webinars are allowed on this server and the host has a webinar licence. */
  webinarAvailable: z.boolean(),
  passcodeRules: ZoomPasscodeRules.nullable(),
  /** The linked object's time (null when it has none: the meeting will be recurring with no fixed time). */
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  overlaps: z.array(ZoomOverlap),
  /** A sentence for the form when there are overlaps, else null. */
  warning: z.string().nullable(),
});
export type ZoomHostCheck = z.infer<typeof ZoomHostCheck>;
