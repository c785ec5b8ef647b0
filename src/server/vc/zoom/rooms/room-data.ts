// What Convene keeps of a Zoom meeting (vc_rooms.data) and of each link (vc_room_links.data). Never the
// start_url: it carries a host token that expires after two hours (zoom_api.md §2.2), so "Start" asks for
// a fresh one each time.
import { z } from 'zod';
import { ZoomMeetingType, ZoomPasscodeVisibility } from '../../../../contracts/vc-zoom';

export const ZOOM_PROVIDER = 'zoom';

const DialInNumber = z.object({
  country: z.string(),
  countryName: z.string(),
  city: z.string(),
  number: z.string(),
  /** toll or tollfree. */
  type: z.string(),
});
export type DialInNumber = z.infer<typeof DialInNumber>;

export const ZoomRoomData = z.object({
  /** The meeting (or webinar) number, as digits: int64 ids must not be rounded (zoom_api.md §2.2). */
  meetingId: z.string().regex(/^\d+$/),
  kind: ZoomMeetingType,
  /** Zoom's type: 2 scheduled, 3 recurring with no fixed time, 8 recurring fixed; webinars 5, 6, 9. */
  zoomType: z.number().int(),
  /** UTC ISO time and minutes, for types with a fixed time; null otherwise. */
  startTime: z.string().nullable(),
  duration: z.number().int().nullable(),
  timezone: z.string(),
  description: z.string(),
  /** The Convene user who hosts the meeting (null when Zoom's host matches nobody here). */
  hostUserId: z.number().int().nullable(),
  hostName: z.string(),
  /** The host's Zoom e-mail (what schedule_for names). */
  hostEmail: z.string(),
  /** Convene users among the alternative hosts. */
  alternativeHostIds: z.array(z.number().int()),
  /** The alternative hosts as Zoom lists them (e-mails), those added on zoom.us included. */
  alternativeHostEmails: z.array(z.string()),
  passcode: z.string(),
  /** Numeric passcodes Zoom derives for phones and room systems (zoom_api.md §2.2). */
  phonePasscode: z.string().nullable(),
  roomSystemPasscode: z.string().nullable(),
  /** join_url without its query (no `pwd`): safe to show to anyone who may see the room. */
  publicJoinUrl: z.string(),
  /** join_url as Zoom gives it, with `pwd`: shown only to those who may see the passcode. */
  joinUrl: z.string(),
  muteAudio: z.boolean(),
  muteHostVideo: z.boolean(),
  muteParticipantVideo: z.boolean(),
  joinBeforeHost: z.boolean(),
  waitingRoom: z.boolean(),
  dialIn: z.array(DialInNumber),
  /** Zoom registration is on (approval_type 0 or 1): such meetings cannot be shared (Indico #191). */
  registrationRequired: z.boolean(),
  /** Set from meeting.started / meeting.ended notifications; null when not running. */
  liveSince: z.string().nullable(),
});
export type ZoomRoomData = z.infer<typeof ZoomRoomData>;

export const ZoomLinkData = z.object({ passcodeVisibility: ZoomPasscodeVisibility });
export type ZoomLinkData = z.infer<typeof ZoomLinkData>;

/** Zoom types without a fixed time (zoom_api.md §2.2). */
export function isRecurringWithoutTime(type: number): boolean {
  return type === 3 || type === 6;
}

/** The "recurring, no fixed time" type of a meeting or webinar (3 or 6, zoom_api.md §2.2). */
export function noFixedTimeType(kind: ZoomMeetingType): 3 | 6 {
  return kind === 'webinar' ? 6 : 3;
}

/**
 * The module's host keys: the host only. Host keys give the right to edit and delete the room, which Indico
 * gives the Zoom host alone (vc_zoom.md §9); alternative hosts may start the meeting, nothing more.
 */
export function zoomHostKeys(data: ZoomRoomData): string[] {
  return data.hostUserId === null ? [] : [userHostKey(data.hostUserId)];
}

export function userHostKey(userId: number): string {
  return `user:${userId}`;
}

// "812 3456 7890", as Zoom prints meeting numbers: one formatter for server, sandbox and web client.
export { formatMeetingId } from '../../../../contracts/vc-zoom';

/** The host, or one of the Convene users among the alternative hosts. */
export function isHostOf(data: ZoomRoomData, userId: number): boolean {
  return data.hostUserId === userId || data.alternativeHostIds.includes(userId);
}
