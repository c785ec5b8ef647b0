// Refresh (one GET), delete (one DELETE; "already gone" is success) and the search for a meeting whose
// creation answer was lost.
import { and, eq, sql } from 'drizzle-orm';
import type { JobLog } from '../../../jobs/jobs';
import type { ProviderContext, ProviderRoom, RefreshResult } from '../../provider';
import { vcRooms } from '../../schema';
import { isZoomError } from '../errors';
import { readZoomProviderSettings } from '../settings';
import { mailMeetingDeleted } from './emails';
import { meetingPeople } from './hosts';
import { roomDataFrom } from './meeting-data';
import { ZOOM_PROVIDER, type ZoomRoomData } from './room-data';
import type { SweepPayload, ZoomServices } from './services';

type Room = ProviderRoom<ZoomRoomData>;

/**
 * The room as Zoom has it now. A meeting converted to a webinar on zoom.us is read as a webinar (the client
 * retries on 3000, zoom_api.md §2.1); one deleted or expired there (3001/404) is gone.
 */
export async function refreshZoomRoom(
  s: ZoomServices,
  args: { room: Room; ctx: ProviderContext },
): Promise<RefreshResult<ZoomRoomData>> {
  const { room, ctx } = args;
  const client = await s.client();
  let meeting: Awaited<ReturnType<typeof client.getMeeting>>;
  try {
    meeting = await client.getMeeting(room.data.meetingId);
  } catch (err) {
    if (isZoomError(err, 'meeting-not-found')) return { status: 'gone' };
    throw err;
  }
  const settings = await readZoomProviderSettings(ctx.db);
  const people = await meetingPeople(ctx.db, settings, meeting, room.data);
  return { status: 'ok', name: meeting.topic, data: roomDataFrom(meeting, people, room.data, ctx.clock()) };
}

/** Deletes the meeting at Zoom (the module calls this once at a time per room). */
export async function deleteZoomRoom(
  s: ZoomServices,
  args: { room: Room; ctx: ProviderContext },
): Promise<void> {
  const client = await s.client();
  try {
    await client.deleteMeeting(args.room.data.meetingId);
  } catch (err) {
    if (!isZoomError(err, 'meeting-not-found')) throw err;
  }
}

/** In the transaction that marks the room deleted, once: the host hears of it. */
export async function announceZoomDeletion(
  s: ZoomServices,
  args: { room: Room; ctx: ProviderContext },
): Promise<void> {
  const { room, ctx } = args;
  const settings = await readZoomProviderSettings(ctx.db);
  if (settings.sendHostUrl)
    await mailMeetingDeleted(
      { db: ctx.db, mailer: s.mailer, baseUrl: s.config.baseUrl },
      { name: room.name, data: room.data },
    );
}

/**
 * A create whose room was never saved (its answer lost, or the process killed) may still have made the
 * meeting: delete the host's meetings (or webinars) with that topic, created in the window, that no room
 * here knows (searchKeys hold the meeting id).
 */
export async function sweepLostCreate(s: ZoomServices, payload: SweepPayload, log: JobLog): Promise<number> {
  const client = await s.client();
  const from = Date.parse(payload.from);
  const to = Date.parse(payload.to);
  const meetings =
    payload.kind === 'webinar'
      ? await client.listUserWebinars(payload.hostEmail)
      : await client.listUserMeetings(payload.hostEmail, { type: 'scheduled' });
  const candidates = meetings.filter((m) => {
    const created = m.created_at ? Date.parse(m.created_at) : Number.NaN;
    return m.topic === payload.topic && created >= from && created <= to;
  });
  if (!candidates.length) return 0;
  const ids = candidates.map((m) => String(m.id));
  const known = await s.db
    .select({ keys: vcRooms.searchKeys })
    .from(vcRooms)
    .where(and(eq(vcRooms.provider, ZOOM_PROVIDER), sql`${vcRooms.searchKeys} && ${textArray(ids)}`));
  const knownIds = new Set(known.flatMap((r) => r.keys));
  let deleted = 0;
  for (const m of candidates) {
    if (knownIds.has(String(m.id))) continue;
    try {
      await client.deleteMeeting(m.id);
    } catch (err) {
      if (!isZoomError(err, 'meeting-not-found')) throw err;
    }
    deleted++;
    log.warn(
      { meetingId: m.id, hostEmail: payload.hostEmail },
      'deleted a Zoom meeting whose room was never saved',
    );
  }
  return deleted;
}

function textArray(values: string[]) {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
