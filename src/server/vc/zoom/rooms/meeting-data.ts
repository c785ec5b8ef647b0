// Between Zoom's meeting object and the room's data: the schedule a link asks for, and the data read back.
import type { ZoomMeetingType } from '../../../../contracts/vc-zoom';
import type { TargetInfo } from '../../provider';
import type { ZoomMeetingOrWebinar } from '../client';
import { parseAlternativeHosts } from '../settings-helpers';
import { type DialInNumber, noFixedTimeType, type ZoomRoomData } from './room-data';

export interface Schedule {
  type: number;
  startTime: string | null;
  duration: number | null;
}

/** Zoom wants UTC as yyyy-MM-ddTHH:mm:ssZ (zoom_api.md §2.2). */
export function zoomTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A scheduled meeting (type 2, webinar 5) at the linked object's time when that is in the future, else
 * recurring with no fixed time (3, webinar 6), as Indico does (vc_zoom.md §3, "Create meeting").
 */
export function scheduleFor(target: TargetInfo, kind: ZoomMeetingType, now: Date): Schedule {
  const start = target.startAt;
  const duration = target.durationMinutes;
  if (start && duration && duration > 0 && start.getTime() > now.getTime())
    return { type: kind === 'webinar' ? 5 : 2, startTime: zoomTime(start), duration };
  return { type: noFixedTimeType(kind), startTime: null, duration: null };
}

export function noFixedTime(kind: ZoomMeetingType): Schedule {
  return { type: noFixedTimeType(kind), startTime: null, duration: null };
}

/** Who the people of a meeting are here, found by the caller (names and ids need the database). */
export interface MeetingPeople {
  hostUserId: number | null;
  hostName: string;
  hostEmail: string;
  alternativeHostIds: number[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function dialInNumbers(meeting: ZoomMeetingOrWebinar): DialInNumber[] {
  return (meeting.settings?.global_dial_in_numbers ?? []).flatMap((n) =>
    n.number
      ? [
          {
            country: n.country ?? '',
            countryName: n.country_name ?? n.country ?? '',
            city: n.city ?? '',
            number: n.number,
            type: n.type ?? 'toll',
          },
        ]
      : [],
  );
}

/** What a read cannot tell (webinars lack meeting-only settings), kept from before. */
export type PreviousSettings = Pick<
  ZoomRoomData,
  'muteAudio' | 'muteParticipantVideo' | 'joinBeforeHost' | 'waitingRoom' | 'liveSince' | 'timezone'
>;

/** GET says `started` or `waiting` for meetings; webinars and create answers say nothing (zoom_api.md §2.2). */
function liveSince(status: string | undefined, previous: string | null, now: Date): string | null {
  if (status === 'started') return previous ?? now.toISOString();
  if (status === 'waiting') return null;
  return previous;
}

/**
 * The room's data from Zoom's meeting object. Settings a webinar lacks keep their previous values, since
 * Zoom omits meeting-only settings for webinars (zoom_api.md §2.4).
 */
export function roomDataFrom(
  meeting: ZoomMeetingOrWebinar,
  people: MeetingPeople,
  previous: PreviousSettings,
  now: Date,
): ZoomRoomData {
  const s = meeting.settings ?? {};
  const approval = s.approval_type;
  const fixed = meeting.start_time !== undefined && meeting.type !== 3 && meeting.type !== 6;
  // Webinars name their numeric passcode h323_passcode, meetings h323_password (zoom_api.md §2.2, §2.4).
  const roomSystem = text(meeting.h323_password) ?? text(meeting.h323_passcode);
  return {
    meetingId: String(meeting.id),
    kind: meeting.kind,
    zoomType: meeting.type,
    startTime: fixed ? (meeting.start_time ?? null) : null,
    duration: fixed ? (meeting.duration ?? null) : null,
    timezone: meeting.timezone ?? previous.timezone,
    description: meeting.agenda ?? '',
    hostUserId: people.hostUserId,
    hostName: people.hostName,
    hostEmail: meeting.host_email || people.hostEmail,
    alternativeHostIds: people.alternativeHostIds,
    alternativeHostEmails: parseAlternativeHosts(s.alternative_hosts),
    passcode: meeting.password ?? '',
    // When the passcode is numeric already, phones use it as it is (zoom_api.md §2.2).
    phonePasscode:
      text(meeting.pstn_password) ??
      (/^\d+$/.test(meeting.password ?? '') ? (meeting.password ?? null) : null),
    roomSystemPasscode: roomSystem,
    publicJoinUrl: meeting.join_url.split('?')[0] ?? meeting.join_url,
    joinUrl: meeting.join_url,
    muteAudio: s.mute_upon_entry ?? previous.muteAudio,
    muteHostVideo: s.host_video === undefined ? true : !s.host_video,
    muteParticipantVideo:
      s.participant_video === undefined ? previous.muteParticipantVideo : !s.participant_video,
    joinBeforeHost: s.join_before_host ?? previous.joinBeforeHost,
    waitingRoom: s.waiting_room ?? previous.waitingRoom,
    dialIn: dialInNumbers(meeting),
    registrationRequired: approval === 0 || approval === 1,
    liveSince: liveSince(meeting.status, previous.liveSince, now),
  };
}
