/*
 * Compares every live Zoom room with its meeting on Zoom (one GET each) and reports the drift: what changed
 * on zoom.us without a notification reaching us (webhooks are optional, and Zoom drops them after four
 * tries, zoom_api.md §4). With `fix`, rooms take Zoom's state and meetings gone there are marked deleted.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { writeVcLog } from '../../log';
import { vcRoomLinks, vcRooms } from '../../schema';
import type { ZoomClient } from '../client';
import { isZoomError } from '../errors';
import { readZoomProviderSettings } from '../settings';
import { meetingPeople } from './hosts';
import { roomDataFrom } from './meeting-data';
import { ZOOM_PROVIDER, ZoomRoomData, zoomHostKeys } from './room-data';

export interface Drift {
  roomId: number;
  name: string;
  meetingId: string;
  /** gone: the meeting no longer exists on Zoom; changed: fields differ; error: Zoom could not tell. */
  kind: 'gone' | 'changed' | 'error';
  details: string[];
  fixed: boolean;
}

/** The fields worth a line when they differ (secrets are named, never shown). */
const COMPARED: Array<[keyof ZoomRoomData, string, boolean]> = [
  ['kind', 'type', false],
  ['zoomType', 'Zoom type', false],
  ['startTime', 'start', false],
  ['duration', 'duration', false],
  ['description', 'description', false],
  ['hostEmail', 'host', false],
  ['alternativeHostEmails', 'alternative hosts', false],
  ['passcode', 'passcode', true],
  ['waitingRoom', 'waiting room', false],
  ['muteAudio', 'mute on entry', false],
  ['muteHostVideo', 'host video off', false],
  ['muteParticipantVideo', 'participant video off', false],
];

function differences(name: string, zoomName: string, here: ZoomRoomData, zoom: ZoomRoomData): string[] {
  const out: string[] = [];
  if (name !== zoomName) out.push(`name: "${name}" here, "${zoomName}" on Zoom`);
  for (const [key, label, secret] of COMPARED) {
    const a = JSON.stringify(here[key]);
    const b = JSON.stringify(zoom[key]);
    if (a === b) continue;
    out.push(secret ? `${label} differs` : `${label}: ${a} here, ${b} on Zoom`);
  }
  return out;
}

export async function reconcileZoomRooms(
  deps: { db: Db; client: ZoomClient; clock: () => Date },
  opts: { fix: boolean },
): Promise<{ checked: number; drift: Drift[] }> {
  const { db, client, clock } = deps;
  const settings = await readZoomProviderSettings(db);
  const rows = await db
    .select()
    .from(vcRooms)
    .where(
      and(
        eq(vcRooms.provider, ZOOM_PROVIDER),
        eq(vcRooms.status, 'created'),
        isNull(vcRooms.deletionRequestedAt),
      ),
    )
    .orderBy(asc(vcRooms.id));
  const drift: Drift[] = [];
  let checked = 0;
  for (const row of rows) {
    const parsed = ZoomRoomData.safeParse(row.data);
    if (!parsed.success) continue;
    checked++;
    const here = parsed.data;
    const base = { roomId: row.id, name: row.name, meetingId: here.meetingId };
    let meeting: Awaited<ReturnType<ZoomClient['getMeeting']>>;
    try {
      meeting = await client.getMeeting(here.meetingId);
    } catch (err) {
      if (!isZoomError(err, 'meeting-not-found')) {
        drift.push({
          ...base,
          kind: 'error',
          details: [err instanceof Error ? err.message : String(err)],
          fixed: false,
        });
        continue;
      }
      if (opts.fix) await markGone(db, row.id, row.name, clock());
      drift.push({
        ...base,
        kind: 'gone',
        details: ['the meeting no longer exists on Zoom'],
        fixed: opts.fix,
      });
      continue;
    }
    const people = await meetingPeople(db, settings, meeting, here);
    const zoom = roomDataFrom(meeting, people, here, clock());
    const details = differences(row.name, meeting.topic, here, zoom);
    if (!details.length) continue;
    if (opts.fix)
      await db
        .update(vcRooms)
        .set({
          name: meeting.topic,
          data: zoom,
          hostKeys: zoomHostKeys(zoom),
          searchKeys: [zoom.meetingId],
          modifiedAt: clock(),
        })
        .where(eq(vcRooms.id, row.id));
    drift.push({ ...base, kind: 'changed', details, fixed: opts.fix });
  }
  return { checked, drift };
}

async function markGone(db: Db, roomId: number, name: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [room] = await tx
      .update(vcRooms)
      .set({ status: 'deleted', deletedAt: at, modifiedAt: at })
      .where(and(eq(vcRooms.id, roomId), eq(vcRooms.status, 'created')))
      .returning({ id: vcRooms.id });
    if (!room) return;
    const linked = await tx
      .selectDistinct({ eventId: vcRoomLinks.eventId })
      .from(vcRoomLinks)
      .where(eq(vcRoomLinks.roomId, roomId));
    await writeVcLog(
      tx,
      linked.map(({ eventId }) => ({
        eventId,
        actorId: null,
        at,
        kind: 'other' as const,
        summary: `Videoconference "${name}" no longer exists at Zoom: marked deleted (reconcile)`,
        data: { roomId, provider: ZOOM_PROVIDER },
      })),
    );
  });
}
