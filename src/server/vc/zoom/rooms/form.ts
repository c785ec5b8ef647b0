// The Zoom fields of the forms: defaults from the administrator's settings, the values of a stored room,
// and how a form changes a room's data (update then makes Zoom match). beforeLink lives here too: it
// decides from the stored data alone what another link does to the meeting's schedule.
import type { ZoomLinkForm, ZoomRoomForm } from '../../../../contracts/vc-zoom';
import type { LinkDecision, ProviderRoom, TargetInfo } from '../../provider';
import { generatePasscode } from '../passcodes';
import type { ZoomProviderSettings } from '../settings';
import { noFixedTime, scheduleFor } from './meeting-data';
import { isRecurringWithoutTime, type ZoomLinkData, type ZoomRoomData } from './room-data';

export function zoomFormDefaults(settings: ZoomProviderSettings): ZoomRoomForm {
  return {
    description: '',
    hostUserId: null,
    alternativeHostIds: [],
    // Digits of the admin's length; the host's own rules are checked on save (zoom_api.md §2.6).
    passcode: generatePasscode(settings.passcodeLength),
    meetingType: 'meeting',
    muteAudio: settings.muteAudio,
    muteHostVideo: settings.muteHostVideo,
    muteParticipantVideo: settings.muteParticipantVideo,
    joinBeforeHost: settings.joinBeforeHost && !settings.waitingRoom,
    waitingRoom: settings.waitingRoom,
  };
}

export function zoomFormValues(
  data: ZoomRoomData,
  linkData: ZoomLinkData,
): { form: ZoomRoomForm; link: ZoomLinkForm } {
  return {
    form: {
      description: data.description,
      hostUserId: data.hostUserId,
      alternativeHostIds: [...data.alternativeHostIds],
      passcode: data.passcode,
      meetingType: data.kind,
      muteAudio: data.muteAudio,
      muteHostVideo: data.muteHostVideo,
      muteParticipantVideo: data.muteParticipantVideo,
      joinBeforeHost: data.joinBeforeHost,
      waitingRoom: data.waitingRoom,
    },
    link: { passcodeVisibility: linkData.passcodeVisibility },
  };
}

/** An unchanged list in another order is no change (the form may sort what Zoom lists). */
function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** On Edit the form carries the host's id; null ("Myself" before the room existed) keeps the host. */
export function applyZoomForm(data: ZoomRoomData, form: ZoomRoomForm): ZoomRoomData {
  return {
    ...data,
    description: form.description,
    hostUserId: form.hostUserId ?? data.hostUserId,
    alternativeHostIds: sameMembers(form.alternativeHostIds, data.alternativeHostIds)
      ? data.alternativeHostIds
      : [...form.alternativeHostIds],
    passcode: form.passcode,
    kind: form.meetingType,
    muteAudio: form.muteAudio,
    muteHostVideo: form.muteHostVideo,
    muteParticipantVideo: form.muteParticipantVideo,
    joinBeforeHost: form.joinBeforeHost,
    waitingRoom: form.waitingRoom,
  };
}

const NO_FIXED_TIME_NOTICE =
  'The Zoom meeting is now recurring with no fixed time, since it serves more than one event or part of one.';

/**
 * Another link: a meeting shared by several events (or cloned) becomes recurring with no fixed time, as
 * Indico does (vc_zoom.md §8); a meeting with Zoom registration is refused, since that change would turn
 * registration off (Indico #191). A room's only link moving to another target follows its time.
 */
export function zoomBeforeLink(args: {
  room: ProviderRoom<ZoomRoomData>;
  newTarget: TargetInfo;
  now: Date;
}): LinkDecision<ZoomRoomData> {
  const { room, newTarget, now } = args;
  const data = room.data;
  if (data.registrationRequired)
    return {
      allow: false,
      reason:
        'this Zoom meeting requires registration. Sharing it would make it recurring with no fixed time, which turns registration off on Zoom.',
    };
  if (room.linkCount === 0) {
    const schedule = scheduleFor(newTarget, data.kind, now);
    if (
      schedule.type === data.zoomType &&
      schedule.startTime === data.startTime &&
      schedule.duration === data.duration
    )
      return { allow: true };
    const adapted = {
      ...data,
      zoomType: schedule.type,
      startTime: schedule.startTime,
      duration: schedule.duration,
    };
    return {
      allow: true,
      data: adapted,
      notice:
        schedule.startTime === null
          ? `The Zoom meeting is now recurring with no fixed time: ${newTarget.title} has no start in the future.`
          : `The Zoom meeting now follows the time of ${newTarget.title}.`,
    };
  }
  if (isRecurringWithoutTime(data.zoomType)) return { allow: true };
  const schedule = noFixedTime(data.kind);
  return {
    allow: true,
    data: { ...data, zoomType: schedule.type, startTime: null, duration: null },
    notice: NO_FIXED_TIME_NOTICE,
  };
}
