// The `settings` object of meetings and webinars: which keys exist for which kind, how their values
// are checked, and what Zoom echoes when a key was not sent (zoom_api.md §2.2 and §2.4).
import type { Kind } from './types';

export type SettingRule =
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'integer'; values?: readonly number[]; min?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'object' }
  | { type: 'array' };

type For = 'both' | Kind;

const bool = { type: 'boolean' } as const;
const str = { type: 'string' } as const;
const obj = { type: 'object' } as const;
const arr = { type: 'array' } as const;

const RULES: Record<string, { rule: SettingRule; for: For }> = {
  host_video: { rule: bool, for: 'both' },
  approval_type: { rule: { type: 'integer', values: [0, 1, 2] }, for: 'both' },
  registration_type: { rule: { type: 'integer', values: [1, 2, 3] }, for: 'both' },
  audio: { rule: { type: 'enum', values: ['both', 'telephony', 'voip', 'thirdParty'] }, for: 'both' },
  auto_recording: { rule: { type: 'enum', values: ['local', 'cloud', 'none'] }, for: 'both' },
  alternative_hosts: { rule: str, for: 'both' },
  alternative_hosts_email_notification: { rule: bool, for: 'both' },
  alternative_host_update_polls: { rule: bool, for: 'both' },
  close_registration: { rule: bool, for: 'both' },
  show_share_button: { rule: bool, for: 'both' },
  allow_multiple_devices: { rule: bool, for: 'both' },
  registrants_confirmation_email: { rule: bool, for: 'both' },
  registrants_email_notification: { rule: bool, for: 'both' },
  meeting_authentication: { rule: bool, for: 'both' },
  authentication_option: { rule: str, for: 'both' },
  authentication_domains: { rule: str, for: 'both' },
  authentication_exception: { rule: arr, for: 'both' },
  enforce_login: { rule: bool, for: 'both' },
  enforce_login_domains: { rule: str, for: 'both' },
  global_dial_in_countries: { rule: arr, for: 'both' },
  contact_name: { rule: str, for: 'both' },
  contact_email: { rule: str, for: 'both' },
  language_interpretation: { rule: obj, for: 'both' },
  sign_language_interpretation: { rule: obj, for: 'both' },
  approved_or_denied_countries_or_regions: { rule: obj, for: 'both' },
  email_notification: { rule: bool, for: 'both' },
  email_in_attendee_report: { rule: bool, for: 'both' },
  additional_data_center_regions: { rule: arr, for: 'both' },
  custom_keys: { rule: arr, for: 'both' },
  // Meeting-only: absent from webinars, which Indico reads as empty (zoom_api.md §2.4).
  participant_video: { rule: bool, for: 'meeting' },
  join_before_host: { rule: bool, for: 'meeting' },
  // 15 is accepted too: CNCF OCG sends it, so newer servers take more than the spec's 0/5/10 (§2.2).
  jbh_time: { rule: { type: 'integer', values: [0, 5, 10, 15] }, for: 'meeting' },
  mute_upon_entry: { rule: bool, for: 'meeting' },
  waiting_room: { rule: bool, for: 'meeting' },
  use_pmi: { rule: bool, for: 'meeting' },
  cn_meeting: { rule: bool, for: 'meeting' },
  in_meeting: { rule: bool, for: 'meeting' },
  watermark: { rule: bool, for: 'meeting' },
  encryption_type: { rule: { type: 'enum', values: ['enhanced_encryption', 'e2ee'] }, for: 'meeting' },
  breakout_room: { rule: obj, for: 'meeting' },
  focus_mode: { rule: bool, for: 'meeting' },
  private_meeting: { rule: bool, for: 'meeting' },
  calendar_type: { rule: { type: 'integer', values: [1, 2] }, for: 'meeting' },
  host_save_video_order: { rule: bool, for: 'meeting' },
  meeting_invitees: { rule: arr, for: 'meeting' },
  continuous_meeting_chat: { rule: obj, for: 'meeting' },
  request_permission_to_unmute_participants: { rule: bool, for: 'meeting' },
  // Webinar-only (zoom_api.md §2.4).
  panelists_video: { rule: bool, for: 'webinar' },
  practice_session: { rule: bool, for: 'webinar' },
  hd_video: { rule: bool, for: 'webinar' },
  hd_video_for_attendees: { rule: bool, for: 'webinar' },
  send_1080p_video_to_attendees: { rule: bool, for: 'webinar' },
  on_demand: { rule: bool, for: 'webinar' },
  post_webinar_survey: { rule: bool, for: 'webinar' },
  survey_url: { rule: str, for: 'webinar' },
  registrants_restrict_number: { rule: { type: 'integer', min: 0 }, for: 'webinar' },
  question_and_answer: { rule: obj, for: 'webinar' },
  attendees_and_panelists_reminder_email_notification: { rule: obj, for: 'webinar' },
  follow_up_attendees_email_notification: { rule: obj, for: 'webinar' },
  follow_up_absentees_email_notification: { rule: obj, for: 'webinar' },
  panelists_invitation_email_notification: { rule: bool, for: 'webinar' },
  notify_registrants: { rule: bool, for: 'webinar' },
  email_language: { rule: str, for: 'webinar' },
  panelist_authentication: { rule: bool, for: 'webinar' },
  add_watermark: { rule: bool, for: 'webinar' },
  add_audio_watermark: { rule: bool, for: 'webinar' },
  enable_session_branding: { rule: bool, for: 'webinar' },
};

/** The rule for `key` on this kind; undefined for keys Zoom ignores (unknown or of the other kind). */
export function settingRule(kind: Kind, key: string): SettingRule | undefined {
  const entry = RULES[key];
  if (!entry || (entry.for !== 'both' && entry.for !== kind)) return undefined;
  return entry.rule;
}

export function isMeetingOnlySetting(key: string): boolean {
  return RULES[key]?.for === 'meeting';
}

const MEETING_DEFAULTS: Record<string, unknown> = {
  host_video: false,
  participant_video: false,
  cn_meeting: false,
  in_meeting: false,
  join_before_host: false,
  jbh_time: 0,
  mute_upon_entry: false,
  watermark: false,
  use_pmi: false,
  approval_type: 2,
  audio: 'both',
  auto_recording: 'none',
  enforce_login: false,
  enforce_login_domains: '',
  alternative_hosts: '',
  alternative_host_update_polls: false,
  close_registration: false,
  show_share_button: false,
  allow_multiple_devices: false,
  registrants_confirmation_email: true,
  waiting_room: false,
  request_permission_to_unmute_participants: false,
  global_dial_in_countries: ['US'],
  registrants_email_notification: true,
  meeting_authentication: false,
  encryption_type: 'enhanced_encryption',
  approved_or_denied_countries_or_regions: { enable: false },
  breakout_room: { enable: false },
  alternative_hosts_email_notification: true,
  focus_mode: false,
  private_meeting: false,
  email_notification: true,
  host_save_video_order: false,
  sign_language_interpretation: { enable: false },
  email_in_attendee_report: false,
};

const WEBINAR_DEFAULTS: Record<string, unknown> = {
  host_video: false,
  panelists_video: false,
  approval_type: 2,
  audio: 'both',
  auto_recording: 'none',
  enforce_login: false,
  enforce_login_domains: '',
  alternative_hosts: '',
  alternative_host_update_polls: false,
  close_registration: false,
  show_share_button: true,
  allow_multiple_devices: true,
  practice_session: false,
  hd_video: false,
  hd_video_for_attendees: false,
  send_1080p_video_to_attendees: false,
  on_demand: false,
  global_dial_in_countries: ['US'],
  registrants_confirmation_email: true,
  registrants_restrict_number: 0,
  notify_registrants: true,
  post_webinar_survey: false,
  registrants_email_notification: true,
  meeting_authentication: false,
  question_and_answer: {
    enable: true,
    allow_submit_questions: true,
    allow_anonymous_questions: true,
    question_visibility: 'answered',
    attendees_can_comment: true,
    attendees_can_upvote: true,
  },
  panelist_authentication: false,
  add_watermark: false,
  add_audio_watermark: false,
  email_language: 'en-US',
  panelists_invitation_email_notification: true,
  attendees_and_panelists_reminder_email_notification: { enable: true, type: 0 },
  follow_up_attendees_email_notification: { enable: false, type: 0 },
  follow_up_absentees_email_notification: { enable: false, type: 0 },
  sign_language_interpretation: { enable: false },
  email_in_attendee_report: false,
};

export function defaultSettings(kind: Kind): Record<string, unknown> {
  return structuredClone(kind === 'meeting' ? MEETING_DEFAULTS : WEBINAR_DEFAULTS);
}

/** Settings of a meeting converted on zoom.us into a webinar: meeting-only keys go, webinar keys appear. */
export function settingsAsWebinar(settings: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(settings).filter(([key]) => !isMeetingOnlySetting(key));
  return { ...defaultSettings('webinar'), ...Object.fromEntries(kept) };
}
