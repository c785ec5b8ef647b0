/*
 * Edit and sync. Edit sends Zoom only what changed (one PATCH), then reads the meeting back: a new passcode
 * changes the join link's pwd (zoom_api.md §2.2). A new host moves the meeting with schedule_for and the
 * alternative hosts are sent again, so that Zoom checks them against the new host. Sync pushes what
 * beforeLink adapted (the schedule) and nothing else.
 */
import type { SessionUser } from '../../../auth/sessions';
import type { ProviderContext, ProviderRoom, TargetInfo } from '../../provider';
import type { ZoomClient } from '../client';
import { readZoomProviderSettings } from '../settings';
import { parseAlternativeHosts } from '../settings-helpers';
import { createZoomUserCache } from '../user-lookup';
import type { ZoomMeetingUpdate, ZoomWebinarUpdate } from '../zoom-schemas';
import { checkName, checkPasscode } from './create';
import { dialogError, EDIT_FIELDS, fieldError } from './dialog-errors';
import { mailHostChanged } from './emails';
import {
  type LookupDeps,
  meetingPeople,
  peopleByZoomEmail,
  readHostSettings,
  requireAlternativeHosts,
  requireHost,
  sameEmail,
  type ZoomPerson,
} from './hosts';
import { roomDataFrom } from './meeting-data';
import type { ZoomRoomData } from './room-data';
import type { ZoomServices } from './services';

export interface UpdateArgs {
  room: ProviderRoom<ZoomRoomData>;
  name: string;
  data: ZoomRoomData;
  target: TargetInfo;
  actor: SessionUser | null;
  reason: 'edit' | 'sync';
  ctx: ProviderContext;
}

type Patch = ZoomMeetingUpdate & { settings?: NonNullable<ZoomMeetingUpdate['settings']> };

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Sends a PATCH to the endpoint of the room's kind, leaving out what webinars lack (zoom_api.md §2.4). */
export async function patchRoom(client: ZoomClient, data: ZoomRoomData, patch: Patch) {
  if (data.kind === 'meeting') return client.updateMeeting(data.meetingId, patch);
  const { schedule_for: _host, settings, type, ...rest } = patch;
  const webinar: ZoomWebinarUpdate = {
    ...rest,
    ...(type !== undefined ? { type: type === 3 ? 6 : type === 8 ? 9 : 5 } : {}),
    ...(settings
      ? {
          settings: {
            ...(settings.host_video !== undefined ? { host_video: settings.host_video } : {}),
            ...(settings.alternative_hosts !== undefined
              ? { alternative_hosts: settings.alternative_hosts }
              : {}),
          },
        }
      : {}),
  };
  return client.updateWebinar(data.meetingId, webinar);
}

/** The schedule fields of `after` that differ from `before` (all of them with `force`). */
export function schedulePatch(before: ZoomRoomData, after: ZoomRoomData, force: boolean): Patch {
  if (
    !force &&
    before.zoomType === after.zoomType &&
    before.startTime === after.startTime &&
    before.duration === after.duration
  )
    return {};
  // Meeting types in the patch; patchRoom maps them for webinars. Type 3 alone drops the fixed time: Zoom's
  // document allows no null start_time or duration (zoom_api.md §2.2).
  const type =
    after.zoomType === 6 ? 3 : after.zoomType === 5 ? 2 : after.zoomType === 9 ? 8 : after.zoomType;
  const zoomType = type === 2 || type === 3 || type === 8 ? type : 3;
  if (zoomType === 3 || after.startTime === null) return { type: 3 };
  return {
    type: zoomType,
    start_time: after.startTime,
    ...(after.duration !== null ? { duration: after.duration } : {}),
    timezone: after.timezone,
  };
}

function settingsPatch(before: ZoomRoomData, after: ZoomRoomData): Patch['settings'] {
  const s: NonNullable<Patch['settings']> = {};
  if (before.muteHostVideo !== after.muteHostVideo) s.host_video = !after.muteHostVideo;
  if (after.kind === 'meeting') {
    if (before.muteAudio !== after.muteAudio) s.mute_upon_entry = after.muteAudio;
    if (before.muteParticipantVideo !== after.muteParticipantVideo)
      s.participant_video = !after.muteParticipantVideo;
    if (before.waitingRoom !== after.waitingRoom) s.waiting_room = after.waitingRoom;
    const jbh = (d: ZoomRoomData) => d.joinBeforeHost && !d.waitingRoom;
    if (jbh(before) !== jbh(after)) s.join_before_host = jbh(after);
  }
  return Object.keys(s).length ? s : undefined;
}

export async function updateZoomRoom(s: ZoomServices, args: UpdateArgs): Promise<ZoomRoomData> {
  const client = await s.client();
  if (args.reason === 'sync') return syncSchedule(client, args);
  const { room, name, ctx } = args;
  const f = EDIT_FIELDS;
  const before = room.data;
  const wanted = args.data;
  checkName(name, f);
  if (wanted.kind !== before.kind)
    throw fieldError(
      `${f.form}meetingType`,
      'A meeting cannot become a webinar here (Zoom converts them on zoom.us).',
    );
  const settings = await readZoomProviderSettings(ctx.db);
  const lookup: LookupDeps = { client, settings, db: ctx.db, cache: createZoomUserCache() };
  const patch: Patch = { ...schedulePatch(before, wanted, false) };
  if (name !== room.name) patch.topic = name;
  if (wanted.description !== before.description) patch.agenda = wanted.description;
  const settingsChange = settingsPatch(before, wanted);
  if (settingsChange) patch.settings = settingsChange;

  let newHost: ZoomPerson | undefined;
  try {
    const hostChanged = wanted.hostUserId !== null && wanted.hostUserId !== before.hostUserId;
    if (hostChanged && wanted.hostUserId !== null) {
      // Zoom's API cannot move a webinar to another host (vc_zoom.md §2, "Edit behaviour").
      if (before.kind === 'webinar')
        throw fieldError(
          `${f.form}hostUserId`,
          'Zoom does not let a webinar change hosts through its API: change the host on zoom.us.',
        );
      newHost = await requireHost(lookup, wanted.hostUserId, `${f.form}hostUserId`);
      patch.schedule_for = newHost.email;
    }
    if (newHost || !sameList(wanted.alternativeHostIds, before.alternativeHostIds)) {
      const host = newHost ?? { userId: before.hostUserId, email: before.hostEmail };
      const people = await requireAlternativeHosts(
        lookup,
        wanted.alternativeHostIds,
        host,
        `${f.form}alternativeHostIds`,
      );
      const kept = await coHostsAddedOnZoom(client, lookup, before, host.email);
      patch.settings = {
        ...patch.settings,
        alternative_hosts: [...kept, ...people.map((p) => p.email)].join(';'),
      };
    }
    if (wanted.passcode !== before.passcode) {
      const hostSettings = await readHostSettings(client, newHost?.email ?? before.hostEmail);
      checkPasscode(wanted.passcode, hostSettings, `${f.form}passcode`, before.kind);
      patch.password = wanted.passcode;
    }
    if (Object.keys(patch).length === 0) return before;
    const result = await patchRoom(client, before, patch);
    if (result.kind !== before.kind)
      ctx.log.info({ meetingId: before.meetingId }, 'the meeting is a webinar now');
    const after = await readBack(client, lookup, before, wanted, newHost, ctx);
    if (newHost && settings.sendHostUrl) {
      const mail = { db: ctx.db, mailer: s.mailer, baseUrl: s.config.baseUrl };
      await mailHostChanged(mail, {
        name,
        before,
        after,
        actorName: args.actor?.name ?? 'Convene',
        eventId: args.target.target.eventId,
      });
    }
    return after;
  } catch (err) {
    throw dialogError(err, f, { meetingGone: true });
  }
}

/**
 * The alternative hosts on Zoom that are nobody here (added on zoom.us, vc_zoom.md §6): read now rather than
 * from the stored data, so that one added since the last refresh is kept too. The host is never among them.
 */
async function coHostsAddedOnZoom(
  client: ZoomClient,
  lookup: LookupDeps,
  before: ZoomRoomData,
  hostEmail: string,
): Promise<string[]> {
  const current = await client.getMeeting(before.meetingId);
  const emails = parseAlternativeHosts(current.settings?.alternative_hosts).filter(
    (e) => !sameEmail(e, hostEmail),
  );
  const here = await peopleByZoomEmail(lookup.db, lookup.settings, emails);
  return emails.filter((e) => !here.has(e.toLowerCase()));
}

/** The meeting as Zoom now has it; if the read fails after a successful PATCH, what was sent stands. */
async function readBack(
  client: ZoomClient,
  lookup: LookupDeps,
  before: ZoomRoomData,
  wanted: ZoomRoomData,
  newHost: ZoomPerson | undefined,
  ctx: ProviderContext,
): Promise<ZoomRoomData> {
  const known = newHost
    ? { hostUserId: newHost.userId, hostName: newHost.name, hostEmail: newHost.email }
    : { hostUserId: before.hostUserId, hostName: before.hostName, hostEmail: before.hostEmail };
  try {
    const meeting = await client.getMeeting(before.meetingId);
    const people = await meetingPeople(lookup.db, lookup.settings, meeting, known);
    return roomDataFrom(meeting, people, before, ctx.clock());
  } catch (err) {
    ctx.log.warn(
      { meetingId: before.meetingId, err: err instanceof Error ? err.message : String(err) },
      'the Zoom meeting was changed but could not be read back; keeping what was sent',
    );
    return { ...wanted, ...known };
  }
}

/** Pushes the schedule beforeLink chose (e.g. recurring with no fixed time once shared). */
async function syncSchedule(client: ZoomClient, args: UpdateArgs): Promise<ZoomRoomData> {
  const data = args.data;
  try {
    const result = await patchRoom(client, data, schedulePatch(args.room.data, data, true));
    return result.kind === data.kind ? data : { ...data, kind: result.kind };
  } catch (err) {
    throw dialogError(err, EDIT_FIELDS, { meetingGone: true });
  }
}
