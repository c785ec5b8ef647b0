// Shapes shared by the sandbox's modules: what callers pass in and what the state keeps.
import type { Kind } from './errors';

export type { Kind };

export type RateLabel = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';
export type PlanName = 'free' | 'pro' | 'business';

/** `schedule_meeting.meeting_password_requirement` of the user settings (zoom_api.md §2.6). */
export interface PasswordRequirement {
  length: number;
  have_letter: boolean;
  have_number: boolean;
  have_special_character: boolean;
  only_allow_numeric: boolean;
  have_upper_and_lower_characters: boolean;
  consecutive_characters_length: number;
  weak_enhance_detection: boolean;
}

export type UserStatus = 'active' | 'inactive' | 'pending';
export type UserRole = 'Owner' | 'Admin' | 'Member';

export interface SandboxUserSeed {
  email: string;
  id?: string;
  /** Defaults to the account of the first credential set. */
  accountId?: string;
  firstName?: string;
  lastName?: string;
  /** 1 Basic, 2 Licensed (zoom_api.md §2.3). Default 2. */
  type?: 1 | 2;
  status?: UserStatus;
  /** Holds a webinar licence. Default false. */
  webinar?: boolean;
  timezone?: string;
  /** The first user of an account is its Owner unless told otherwise; `me` resolves to the Owner. */
  role?: UserRole;
  /** "Require a passcode when scheduling new meetings": Zoom generates one when none is sent. Default true. */
  requirePasscode?: boolean;
  passwordRequirement?: Partial<PasswordRequirement>;
  pmi?: number;
}

export interface SandboxUser {
  id: string;
  accountId: string;
  email: string;
  firstName: string;
  lastName: string;
  type: 1 | 2;
  status: UserStatus;
  webinar: boolean;
  timezone: string;
  role: UserRole;
  requirePasscode: boolean;
  passwordRequirement: PasswordRequirement;
  pmi: number;
  createdAtMs: number;
}

export interface SandboxCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Scopes granted to tokens of this app. Default: every granular scope the sandbox knows. */
  scopes?: string[];
}

export interface WebhookOptions {
  url: string;
  secretToken: string;
  /** Delay before each retry after a failed attempt. Default [5 min, 20 min, 60 min] (zoom_api.md §4). */
  retryDelaysMs?: number[];
  /** Zoom wants an answer within 3 s (zoom_api.md §4). */
  timeoutMs?: number;
  /** Subscribed event types; default all. */
  events?: string[];
}

export interface SandboxOptions {
  /** Absolute base of join/start URLs and of the token's api_url, e.g. http://localhost:8080/zoom-sandbox. */
  publicUrl?: string;
  credentials?: SandboxCredentials | SandboxCredentials[];
  webhook?: WebhookOptions;
  clock?: () => Date;
  plan?: PlanName;
  /** Serve /_sandbox/* controls. Default false (they answer 404). */
  testControls?: boolean;
  users?: SandboxUserSeed[];
  /** Used for webhook delivery. Default: the global fetch. */
  fetch?: typeof fetch;
}

export type MeetingStatus = 'waiting' | 'started';

export interface Recurrence {
  type: 1 | 2 | 3;
  repeat_interval?: number;
  weekly_days?: string;
  monthly_day?: number;
  monthly_week?: number;
  monthly_week_day?: number;
  end_times?: number;
  end_date_time?: string;
}

export interface MeetingRecord {
  kind: Kind;
  id: number;
  uuid: string;
  accountId: string;
  hostId: string;
  type: number;
  topic: string;
  agenda: string;
  startTimeMs: number | undefined;
  duration: number | undefined;
  timezone: string;
  createdAtMs: number;
  password: string;
  encryptedPassword: string;
  /** What phone and room-system users type: digits only (zoom_api.md §2.2). */
  numericPassword: string;
  settings: Record<string, unknown>;
  recurrence: Recurrence | undefined;
  trackingFields: unknown[];
  preSchedule: boolean;
  status: MeetingStatus;
  startedAtMs: number | undefined;
}
