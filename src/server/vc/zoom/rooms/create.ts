/*
 * Create: one create call at Zoom after the host, the alternative hosts and the passcode were checked.
 * Before the call, the module's create intent records the host, topic and time: should the answer or the
 * local save be lost (a timeout, a killed process), the module's sweep job hands them to sweepLostCreate,
 * which deletes the meeting among the host's, so that Zoom keeps no meeting that nothing here knows.
 */
import type { ZoomRoomForm } from '../../../../contracts/vc-zoom';
import { ZOOM_NAME_MAX } from '../../../../contracts/vc-zoom';
import type { SessionUser } from '../../../auth/sessions';
import type { CreateIntent, ProviderContext, ProviderRoom, TargetInfo } from '../../provider';
import { isZoomError } from '../errors';
import { validatePasscode } from '../passcodes';
import { readZoomProviderSettings } from '../settings';
import { createZoomUserCache } from '../user-lookup';
import type { ZoomMeetingCreate, ZoomWebinarCreate } from '../zoom-schemas';
import { CREATE_FIELDS, dialogError, type FieldPrefix, fieldError } from './dialog-errors';
import { mailMeetingCreatedForHost } from './emails';
import {
  type HostSettings,
  type LookupDeps,
  readHostSettings,
  requireAlternativeHosts,
  requireHost,
  type ZoomPerson,
} from './hosts';
import { roomDataFrom, scheduleFor, zoomTime } from './meeting-data';
import type { ZoomRoomData } from './room-data';
import type { SweepPayload, ZoomServices } from './services';

/** The name becomes Zoom's topic, which holds 200 characters (zoom_api.md §2.2). */
export function checkName(name: string, prefix: FieldPrefix): void {
  if (name.length > ZOOM_NAME_MAX)
    throw fieldError(`${prefix.room}name`, `must be at most ${ZOOM_NAME_MAX} characters (Zoom's limit)`);
}

/**
 * The passcode against Zoom's rules and the host's own requirements (zoom_api.md §2.6). An empty passcode
 * the host's settings require is left to Zoom, which then generates one.
 */
export function checkPasscode(
  passcode: string,
  host: HostSettings,
  field: string,
  kind: 'meeting' | 'webinar',
): void {
  if (passcode === '') return;
  const problems = validatePasscode(passcode, host.requirements, kind);
  if (problems.length) throw fieldError(field, `The passcode ${problems.join(' and ')}.`);
}

/** Webinars need a webinar licence on the host (zoom_api.md §2.4). */
function checkWebinarLicence(host: ZoomPerson, hostSettings: HostSettings, field: string): void {
  if (!hostSettings.webinar)
    throw fieldError(field, `${host.name} has no Zoom webinar licence: choose a meeting, or another host.`);
}

/** The meeting settings the form controls; a waiting room turns join-before-host off, as Zoom does (§2.2). */
export function meetingSettings(form: ZoomRoomForm) {
  return {
    host_video: !form.muteHostVideo,
    participant_video: !form.muteParticipantVideo,
    mute_upon_entry: form.muteAudio,
    waiting_room: form.waitingRoom,
    join_before_host: form.joinBeforeHost && !form.waitingRoom,
  };
}

export interface CreateArgs {
  name: string;
  form: ZoomRoomForm;
  target: TargetInfo;
  creator: SessionUser;
  intent: CreateIntent;
  ctx: ProviderContext;
}

export async function createZoomRoom(s: ZoomServices, args: CreateArgs): Promise<ZoomRoomData> {
  const { name, form, target, creator, intent, ctx } = args;
  const f = CREATE_FIELDS;
  checkName(name, f);
  const settings = await readZoomProviderSettings(ctx.db);
  if (form.meetingType === 'webinar' && !settings.allowWebinars)
    throw fieldError(`${f.form}meetingType`, 'Webinars are not offered on this server: choose a meeting.');
  const client = await s.client();
  const lookup: LookupDeps = { client, settings, db: ctx.db, cache: createZoomUserCache() };
  let host: ZoomPerson;
  let alternatives: ZoomPerson[];
  let hostSettings: HostSettings;
  try {
    host = await requireHost(lookup, form.hostUserId ?? creator.id, `${f.form}hostUserId`);
    alternatives = await requireAlternativeHosts(
      lookup,
      form.alternativeHostIds,
      host,
      `${f.form}alternativeHostIds`,
    );
    hostSettings = await readHostSettings(client, host.email);
  } catch (err) {
    throw dialogError(err, f);
  }
  if (form.meetingType === 'webinar') checkWebinarLicence(host, hostSettings, `${f.form}meetingType`);
  checkPasscode(form.passcode, hostSettings, `${f.form}passcode`, form.meetingType);

  const schedule = scheduleFor(target, form.meetingType, ctx.clock());
  const common = {
    topic: name,
    agenda: form.description,
    timezone: target.timezone,
    ...(schedule.startTime !== null && schedule.duration !== null
      ? { start_time: schedule.startTime, duration: schedule.duration }
      : {}),
    ...(form.passcode ? { password: form.passcode } : {}),
  };
  const alternativeHosts = alternatives.map((p) => p.email).join(';');
  await intent.record(sweepPayload(host.email, name, form.meetingType, ctx.clock()));
  let meeting: Awaited<ReturnType<typeof client.createMeeting>>;
  try {
    if (form.meetingType === 'webinar') {
      const body: ZoomWebinarCreate = {
        ...common,
        type: schedule.type === 5 ? 5 : 6,
        // No default_passcode: Zoom's document has none for webinars; it generates the passcode itself
        // when the host's settings require one (zoom_api.md §2.6).
        settings: { host_video: !form.muteHostVideo, alternative_hosts: alternativeHosts },
      };
      meeting = await client.createWebinar(host.email, body);
    } else {
      const body: ZoomMeetingCreate = {
        ...common,
        type: schedule.type === 2 ? 2 : 3,
        ...(form.passcode ? {} : { default_password: hostSettings.requirements.required }),
        // An account-level app schedules for others with schedule_for, as Indico does (vc_zoom.md §3);
        // the account's owner is the app's own user and needs none.
        ...(host.zoomUser.role_name === 'Owner' ? {} : { schedule_for: host.email }),
        settings: { ...meetingSettings(form), use_pmi: false, alternative_hosts: alternativeHosts },
      };
      meeting = await client.createMeeting(host.email, body);
    }
  } catch (err) {
    // Zoom answered with an error: nothing was made. A lost answer (timeout, 5xx) is left to the sweep.
    if (isZoomError(err) && !['timeout', 'unavailable', 'bad-response'].includes(err.kind))
      await intent.record(null);
    throw dialogError(err, f);
  }
  const data = roomDataFrom(
    meeting,
    {
      hostUserId: host.userId,
      hostName: host.name,
      hostEmail: host.email,
      alternativeHostIds: alternatives.map((p) => p.userId),
    },
    { ...form, liveSince: null, timezone: target.timezone },
    ctx.clock(),
  );
  return data;
}

/** Meetings the host made with this topic around `at` are the create's (see sweepLostCreate). */
function sweepPayload(hostEmail: string, topic: string, kind: 'meeting' | 'webinar', at: Date): SweepPayload {
  // Zoom's created_at is whole seconds; the window covers the call and a slow answer after it.
  return {
    hostEmail,
    topic,
    kind,
    from: zoomTime(new Date(at.getTime() - 60_000)),
    to: zoomTime(new Date(at.getTime() + 10 * 60_000)),
  };
}

/** In the transaction that saves the room: the host hears of a meeting someone else made for them. */
export async function announceZoomRoom(
  s: ZoomServices,
  args: { room: ProviderRoom<ZoomRoomData>; target: TargetInfo; creator: SessionUser; ctx: ProviderContext },
): Promise<void> {
  const { room, target, creator, ctx } = args;
  const settings = await readZoomProviderSettings(ctx.db);
  if (!settings.sendHostUrl || room.data.hostUserId === creator.id) return;
  await mailMeetingCreatedForHost(
    { db: ctx.db, mailer: s.mailer, baseUrl: s.config.baseUrl },
    {
      name: room.name,
      data: room.data,
      creatorName: creator.name,
      eventId: target.target.eventId,
      eventTitle: target.eventTitle,
    },
  );
}
