// Bodies Zoom sends and receives, written from zoom_api.md §2. Responses are loose objects: Zoom adds
// fields over time (e.g. creation_source in 2024) and the spec lags real responses (pstn_password).
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------- ids

/**
 * A meeting or webinar id: an int64 of 9–11 digits in JSON (zoom_api.md §2.2), a string in some
 * webhooks (§4). A number while it is a safe integer (every id Zoom issues today), otherwise the digit
 * string, so that no id is ever rounded. Put it in a path with `String(id)`; compare with `sameZoomId`.
 */
export type ZoomMeetingId = number | string;

export const zoomMeetingIdSchema = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/, { error: 'must be digits' })])
  .transform((v): ZoomMeetingId => {
    if (typeof v === 'number') return v;
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v.replace(/^0+(?=\d)/, '');
  });

export function parseZoomMeetingId(value: unknown): ZoomMeetingId | undefined {
  const parsed = zoomMeetingIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function sameZoomId(a: ZoomMeetingId, b: ZoomMeetingId): boolean {
  return String(a) === String(b);
}

// --------------------------------------------------------------------------------------------- token

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  api_url: z.string().optional(),
});
export type ZoomTokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth failures carry `error`/`reason`; some carry a numeric `code` (4700–4741) (zoom_api.md §1). */
export const oauthErrorSchema = z.looseObject({
  error: z.string().optional(),
  reason: z.string().optional(),
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
});

/** `{"code": n, "message": "…", "errors": [{field, message}]}` (zoom_api.md §2.5). */
export const apiErrorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});
export type ZoomApiErrorBody = z.infer<typeof apiErrorSchema>;

// ---------------------------------------------------------------------------------------------- users

export const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  /** 1 Basic, 2 Licensed, 3 On-prem, 99 None. */
  type: z.number().optional(),
  status: z.string().optional(),
  pmi: z.number().optional(),
  timezone: z.string().optional(),
  account_id: z.string().optional(),
  role_name: z.string().optional(),
});
export type ZoomUser = z.infer<typeof userSchema>;

const passcodeRequirementSchema = z.looseObject({
  length: z.number().optional(),
  have_letter: z.boolean().optional(),
  have_number: z.boolean().optional(),
  have_special_character: z.boolean().optional(),
  have_upper_and_lower_characters: z.boolean().optional(),
  only_allow_numeric: z.boolean().optional(),
  consecutive_characters_length: z.number().optional(),
  weak_enhance_detection: z.boolean().optional(),
});

export const userSettingsSchema = z.looseObject({
  schedule_meeting: z
    .looseObject({
      require_password_for_scheduling_new_meetings: z.boolean().optional(),
      meeting_password_requirement: passcodeRequirementSchema.optional(),
    })
    .optional(),
});
export type ZoomUserSettings = z.infer<typeof userSettingsSchema>;

// ------------------------------------------------------------------------------------------- meetings

const dialInNumberSchema = z.looseObject({
  country: z.string().optional(),
  country_name: z.string().optional(),
  city: z.string().optional(),
  number: z.string().optional(),
  type: z.string().optional(),
});

const interpreterSchema = z.looseObject({ email: z.string(), languages: z.string().optional() });

export const meetingSettingsSchema = z.looseObject({
  host_video: z.boolean().optional(),
  participant_video: z.boolean().optional(),
  join_before_host: z.boolean().optional(),
  jbh_time: z.number().optional(),
  mute_upon_entry: z.boolean().optional(),
  waiting_room: z.boolean().optional(),
  /** E-mails or ids separated by semicolons (commas also seen); see parseAlternativeHosts. */
  alternative_hosts: z.string().optional(),
  approval_type: z.number().optional(),
  auto_recording: z.string().optional(),
  audio: z.string().optional(),
  use_pmi: z.boolean().optional(),
  language_interpretation: z
    .looseObject({ enable: z.boolean().optional(), interpreters: z.array(interpreterSchema).optional() })
    .optional(),
  global_dial_in_numbers: z.array(dialInNumberSchema).optional(),
});

const occurrenceSchema = z.looseObject({
  occurrence_id: z.string(),
  start_time: z.string().optional(),
  duration: z.number().optional(),
  status: z.string().optional(),
});

/** A meeting or a webinar as GET/create return it; webinars have types 5, 6, 9. */
export const meetingSchema = z.looseObject({
  id: zoomMeetingIdSchema,
  uuid: z.string().optional(),
  host_id: z.string().optional(),
  host_email: z.string().optional(),
  topic: z.string(),
  type: z.number(),
  status: z.string().optional(),
  start_time: z.string().optional(),
  duration: z.number().optional(),
  timezone: z.string().optional(),
  agenda: z.string().optional(),
  created_at: z.string().optional(),
  start_url: z.string().optional(),
  join_url: z.string(),
  registration_url: z.string().optional(),
  password: z.string().optional(),
  h323_password: z.string().optional(),
  pstn_password: z.string().optional(),
  encrypted_password: z.string().optional(),
  settings: meetingSettingsSchema.optional(),
  recurrence: z.looseObject({ type: z.number().optional() }).optional(),
  occurrences: z.array(occurrenceSchema).optional(),
});
export type ZoomMeeting = z.infer<typeof meetingSchema>;
export type ZoomWebinar = ZoomMeeting;

const meetingSummarySchema = z.looseObject({
  id: zoomMeetingIdSchema,
  uuid: z.string().optional(),
  host_id: z.string().optional(),
  topic: z.string(),
  type: z.number(),
  start_time: z.string().optional(),
  duration: z.number().optional(),
  timezone: z.string().optional(),
  created_at: z.string().optional(),
  join_url: z.string().optional(),
});
export type ZoomMeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingPageSchema = z.looseObject({
  page_size: z.number().optional(),
  total_records: z.number().optional(),
  /** "" (or absent) on the last page. */
  next_page_token: z.string().optional(),
  meetings: z.array(meetingSummarySchema).default([]),
});

/** GET /users/{userId}/webinars: the same paged envelope, with `webinars` (zoom_api.md §2.1). */
export const webinarPageSchema = z.looseObject({
  page_size: z.number().optional(),
  total_records: z.number().optional(),
  next_page_token: z.string().optional(),
  webinars: z.array(meetingSummarySchema).default([]),
});

// ------------------------------------------------------------------------------------------ requests

/** Letters, digits and `@ - _ *`, at most 10 (zoom_api.md §2.6). */
export const passcodeSchema = z
  .string()
  .max(10, { error: 'must be at most 10 characters' })
  .regex(/^[A-Za-z0-9@\-_*]*$/, { error: 'may contain only letters, digits and @ - _ *' });

const recurrenceInputSchema = z.object({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: z.number().int().positive().optional(),
  weekly_days: z.string().optional(),
  monthly_day: z.number().int().min(1).max(31).optional(),
  monthly_week: z.number().int().min(-1).max(4).optional(),
  monthly_week_day: z.number().int().min(1).max(7).optional(),
  end_times: z.number().int().min(1).max(365).optional(),
  end_date_time: z.string().optional(),
});

const interpretationInputSchema = z.object({
  enable: z.boolean(),
  interpreters: z.array(z.object({ email: z.string(), languages: z.string() })).optional(),
});

const commonSettingsInput = {
  host_video: z.boolean(),
  alternative_hosts: z.string(),
  alternative_hosts_email_notification: z.boolean(),
  approval_type: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  registration_type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  audio: z.enum(['both', 'telephony', 'voip', 'thirdParty']),
  auto_recording: z.enum(['local', 'cloud', 'none']),
  language_interpretation: interpretationInputSchema,
};

export const meetingSettingsInputSchema = z
  .object({
    ...commonSettingsInput,
    participant_video: z.boolean(),
    join_before_host: z.boolean(),
    jbh_time: z.number().int().min(0),
    mute_upon_entry: z.boolean(),
    waiting_room: z.boolean(),
    use_pmi: z.boolean(),
    meeting_authentication: z.boolean(),
    encryption_type: z.enum(['enhanced_encryption', 'e2ee']),
    watermark: z.boolean(),
    focus_mode: z.boolean(),
    private_meeting: z.boolean(),
    email_notification: z.boolean(),
  })
  .partial();

const scheduleFields = {
  topic: z.string().min(1).max(200, { error: 'must be at most 200 characters' }),
  agenda: z.string().max(2000, { error: 'must be at most 2000 characters' }).optional(),
  /** UTC `yyyy-MM-ddTHH:mm:ssZ`, or local time with `timezone`. */
  start_time: z.string().optional(),
  duration: z.number().int().positive().optional(),
  timezone: z.string().optional(),
  password: passcodeSchema.optional(),
  recurrence: recurrenceInputSchema.optional(),
};

export const meetingCreateSchema = z.object({
  ...scheduleFields,
  /** 1 instant, 2 scheduled, 3 recurring without fixed time, 8 recurring with fixed time. */
  type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(8)]).optional(),
  /** Let Zoom generate a passcode from the host's settings. */
  default_password: z.boolean().optional(),
  /** The real host's e-mail or id when scheduling on someone's behalf. */
  schedule_for: z.string().optional(),
  settings: meetingSettingsInputSchema.optional(),
  template_id: z.string().optional(),
});
export type ZoomMeetingCreate = z.input<typeof meetingCreateSchema>;

// Indico sends start_time/duration null to make a meeting "recurring, no fixed time" (vc_zoom.md §3), but
// Zoom's published document types them as string/integer, never null: `type` 3 alone says the same.
export const meetingUpdateSchema = meetingCreateSchema.omit({ default_password: true }).partial();
export type ZoomMeetingUpdate = z.input<typeof meetingUpdateSchema>;

export const webinarSettingsInputSchema = z
  .object({
    ...commonSettingsInput,
    panelists_video: z.boolean(),
    practice_session: z.boolean(),
    hd_video: z.boolean(),
    on_demand: z.boolean(),
    post_webinar_survey: z.boolean(),
  })
  .partial();

export const webinarCreateSchema = z.object({
  ...scheduleFields,
  /** Webinars also take `!` (Zoom's document: [a-z A-Z 0-9 @ - _ * !]). */
  password: z
    .string()
    .max(10, { error: 'must be at most 10 characters' })
    .regex(/^[A-Za-z0-9@\-_*!]*$/, { error: 'may contain only letters, digits and @ - _ * !' })
    .optional(),
  /** 5 webinar, 6 recurring without fixed time, 9 recurring with fixed time. */
  type: z.union([z.literal(5), z.literal(6), z.literal(9)]).optional(),
  settings: webinarSettingsInputSchema.optional(),
  template_id: z.string().optional(),
});
export type ZoomWebinarCreate = z.input<typeof webinarCreateSchema>;

export const webinarUpdateSchema = webinarCreateSchema.partial();
export type ZoomWebinarUpdate = z.input<typeof webinarUpdateSchema>;

/** Webinar types (zoom_api.md §2.2): a meeting read back with one of these was converted on zoom.us. */
export const WEBINAR_TYPES: readonly number[] = [5, 6, 9];
