// The account's users: seeded from options, a JSON file (cli) or POST /_sandbox/users.
import { z } from 'zod';
import { zoomTime } from './clock';
import { zoomErrors } from './errors';
import { randomDigits, randomZoomUserId } from './ids';
import { NO_REQUIREMENT } from './passcode';
import { isValidTimeZone } from './time';
import type { SandboxUser, SandboxUserSeed } from './types';

export const userSeedSchema = z.object({
  email: z.email(),
  id: z.string().min(1).optional(),
  accountId: z.string().min(1).optional(),
  firstName: z.string().max(64).optional(),
  lastName: z.string().max(64).optional(),
  type: z.union([z.literal(1), z.literal(2)]).optional(),
  status: z.enum(['active', 'inactive', 'pending']).optional(),
  webinar: z.boolean().optional(),
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone').optional(),
  role: z.enum(['Owner', 'Admin', 'Member']).optional(),
  requirePasscode: z.boolean().optional(),
  passwordRequirement: z
    .object({
      length: z.number().int().min(0).max(10),
      have_letter: z.boolean(),
      have_number: z.boolean(),
      have_special_character: z.boolean(),
      only_allow_numeric: z.boolean(),
      have_upper_and_lower_characters: z.boolean(),
      consecutive_characters_length: z.number().int().min(0).max(8),
      weak_enhance_detection: z.boolean(),
    })
    .partial()
    .optional(),
  pmi: z.number().int().min(1_000_000_000).max(99_999_999_999).optional(),
});

/** A JSON users file is either an array of seeds or {"users": [...]}. */
export const userSeedFileSchema = z.union([
  z.array(userSeedSchema),
  z.object({ users: z.array(userSeedSchema) }).transform((f) => f.users),
]);

export class UserStore {
  private users: SandboxUser[] = [];

  constructor(
    private readonly defaultAccountId: string,
    private readonly nowMs: () => number,
  ) {}

  all(): readonly SandboxUser[] {
    return this.users;
  }

  clear(): void {
    this.users = [];
  }

  add(seed: SandboxUserSeed): SandboxUser {
    const accountId = seed.accountId ?? this.defaultAccountId;
    const email = seed.email.trim();
    if (this.users.some((u) => u.email.toLowerCase() === email.toLowerCase())) {
      throw new Error(`A sandbox user with e-mail ${email} already exists`);
    }
    const [local = 'user'] = email.split('@');
    const hasOwner = this.users.some((u) => u.accountId === accountId && u.role === 'Owner');
    const user: SandboxUser = {
      id: seed.id ?? randomZoomUserId(),
      accountId,
      email,
      firstName: seed.firstName ?? local,
      lastName: seed.lastName ?? '',
      type: seed.type ?? 2,
      status: seed.status ?? 'active',
      webinar: seed.webinar ?? false,
      timezone: seed.timezone ?? 'UTC',
      role: seed.role ?? (hasOwner ? 'Member' : 'Owner'),
      requirePasscode: seed.requirePasscode ?? true,
      passwordRequirement: { ...NO_REQUIREMENT, ...seed.passwordRequirement },
      pmi: seed.pmi ?? Number(randomDigits(10)),
      createdAtMs: this.nowMs(),
    };
    this.users.push(user);
    return user;
  }

  inAccount(accountId: string): SandboxUser[] {
    return this.users.filter((u) => u.accountId === accountId);
  }

  /** `me` is the app's owner for a Server-to-Server app (zoom_api.md §2); here the account's Owner. */
  owner(accountId: string): SandboxUser | undefined {
    const users = this.inAccount(accountId);
    return users.find((u) => u.role === 'Owner') ?? users[0];
  }

  /** By id, e-mail (case-insensitive) or `me`, within one account (zoom_api.md §2). */
  find(accountId: string, userId: string): SandboxUser | undefined {
    if (userId === 'me') return this.owner(accountId);
    const lower = userId.toLowerCase();
    return this.inAccount(accountId).find((u) => u.id === userId || u.email.toLowerCase() === lower);
  }

  /** Like find, but answers Zoom's 404/1001 and, for invitations never accepted, 400/1120. */
  resolve(accountId: string, userId: string): SandboxUser {
    const user = this.find(accountId, userId);
    if (!user) throw zoomErrors.userNotFound(userId);
    if (user.status === 'pending') throw zoomErrors.userPending();
    return user;
  }
}

const ROLE_IDS = { Owner: '0', Admin: '1', Member: '2' } as const;

function displayName(user: SandboxUser): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/** The list entry of GET /users. */
export function renderUserSummary(user: SandboxUser) {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: displayName(user),
    email: user.email,
    type: user.type,
    pmi: user.pmi,
    timezone: user.timezone,
    verified: 1,
    dept: '',
    created_at: zoomTime(user.createdAtMs),
    user_created_at: zoomTime(user.createdAtMs),
    last_login_time: zoomTime(user.createdAtMs),
    language: 'en-US',
    phone_number: '',
    status: user.status,
    role_id: ROLE_IDS[user.role],
  };
}

/** GET /users/{userId} (zoom_api.md §2.3). */
export function renderUser(user: SandboxUser, publicUrl: string) {
  return {
    ...renderUserSummary(user),
    role_name: user.role,
    use_pmi: false,
    personal_meeting_url: `${publicUrl}/j/${user.pmi}`,
    account_id: user.accountId,
    account_number: accountNumber(user.accountId),
    cluster: 'us05',
    group_ids: [],
    login_types: [100],
  };
}

function accountNumber(accountId: string): number {
  let n = 0;
  for (const c of accountId) n = (n * 31 + c.charCodeAt(0)) % 900_000_000;
  return 100_000_000 + n;
}

/** GET /users/{userId}/settings: the parts a scheduler reads (passcode rules, licences). */
export function renderUserSettings(user: SandboxUser) {
  return {
    schedule_meeting: {
      host_video: false,
      participants_video: false,
      audio_type: 'both',
      join_before_host: false,
      jbh_time: 0,
      use_pmi_for_scheduled_meetings: false,
      use_pmi_for_instant_meetings: false,
      require_password_for_scheduling_new_meetings: user.requirePasscode,
      require_password_for_instant_meetings: user.requirePasscode,
      require_password_for_pmi_meetings: 'none',
      embed_password_in_join_link: true,
      meeting_password_requirement: { ...user.passwordRequirement },
      mute_upon_entry: false,
      personal_meeting: true,
      pstn_password_protected: true,
    },
    in_meeting: { waiting_room: false, breakout_room: true, language_interpretation: { enable: false } },
    email_notification: {
      jbh_reminder: true,
      cancel_meeting_reminder: true,
      alternative_host_reminder: true,
    },
    recording: { local_recording: true, cloud_recording: user.type === 2, auto_recording: 'none' },
    telephony: { third_party_audio: false, audio_conference_info: '' },
    feature: {
      meeting_capacity: user.type === 2 ? 300 : 100,
      large_meeting: false,
      webinar: user.webinar,
      ...(user.webinar ? { webinar_capacity: 500 } : {}),
      cn_meeting: false,
      in_meeting: false,
      zoom_phone: false,
    },
  };
}
