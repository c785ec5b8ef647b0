/*
 * Zoom's notifications about meetings made here (zoom_api.md §4): *.updated → refresh the room (a GET, since
 * the notification carries only the changed fields), *.deleted → mark it deleted, *.started / *.ended →
 * the "Live" badge. Meetings unknown here are ignored; handlers are idempotent (a failed job runs again).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { changedFields } from '../../../events';
import { roomLog, writeVcLog } from '../../log';
import { linkCountSql } from '../../manage-read';
import { newSettingsReads, type VcProvider } from '../../provider';
import { markRoomGone, storedKeys } from '../../room-writes';
import { vcRoomLinks, vcRooms } from '../../schema';
import type { ZoomWebhookContext, ZoomWebhookEvent, ZoomWebhookHandler } from '../webhook-dispatcher';
import { refreshZoomRoom } from './refresh-delete';
import { ZOOM_PROVIDER, ZoomRoomData } from './room-data';
import type { ZoomRoomsFeature } from './services';

/** Rooms of this meeting id that are in use (not deleted, not being deleted by us: Indico #323's race). */
async function roomsOf(s: ZoomRoomsFeature, event: ZoomWebhookEvent) {
  if (event.meetingId === undefined) return [];
  return s.vc.db
    .select({ room: vcRooms, totalLinks: linkCountSql(s.vc.db) })
    .from(vcRooms)
    .where(
      and(
        eq(vcRooms.provider, ZOOM_PROVIDER),
        eq(vcRooms.status, 'created'),
        isNull(vcRooms.deletionRequestedAt),
        sql`${vcRooms.searchKeys} @> ARRAY[${String(event.meetingId)}]::text[]`,
      ),
    );
}

async function refreshRooms(
  s: ZoomRoomsFeature,
  provider: VcProvider,
  event: ZoomWebhookEvent,
  ctx: ZoomWebhookContext,
) {
  for (const { room: row, totalLinks } of await roomsOf(s, event)) {
    const data = ZoomRoomData.safeParse(row.data);
    if (!data.success) continue;
    const room = { ...row, data: data.data, linkCount: totalLinks };
    const result = await refreshZoomRoom(s, {
      room,
      ctx: { db: ctx.db, clock: ctx.clock, log: ctx.log, settings: newSettingsReads() },
    });
    if (result.status === 'gone') {
      await markRoomGone(s.vc, provider, row.id, null);
      continue;
    }
    const diff = changedFields(
      roomLog(provider, row),
      roomLog(provider, { name: result.name, data: result.data }),
    );
    if (!diff && JSON.stringify(result.data) === JSON.stringify(room.data)) continue;
    const at = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(vcRooms)
        .set({
          name: result.name,
          data: result.data,
          ...storedKeys(provider, result.data),
          modifiedAt: at,
          version: sql`${vcRooms.version} + 1`,
        })
        .where(eq(vcRooms.id, row.id));
      if (!diff) return;
      const linked = await tx
        .selectDistinct({ eventId: vcRoomLinks.eventId })
        .from(vcRoomLinks)
        .where(eq(vcRoomLinks.roomId, row.id));
      await writeVcLog(
        tx,
        linked.map(({ eventId }) => ({
          eventId,
          actorId: null,
          at,
          kind: 'changed' as const,
          summary: `Videoconference "${result.name}" was changed on Zoom: refreshed`,
          before: diff.before,
          after: diff.after,
          data: { roomId: row.id, provider: ZOOM_PROVIDER },
        })),
      );
    });
  }
}

async function markDeleted(s: ZoomRoomsFeature, provider: VcProvider, event: ZoomWebhookEvent) {
  for (const { room } of await roomsOf(s, event)) await markRoomGone(s.vc, provider, room.id, null);
}

/** The live flag, merged into the stored data so that a concurrent edit keeps its fields. */
async function setLive(s: ZoomRoomsFeature, event: ZoomWebhookEvent, live: boolean, ctx: ZoomWebhookContext) {
  const ids = (await roomsOf(s, event)).map((r) => r.room.id);
  if (!ids.length) return;
  const value = live ? JSON.stringify(ctx.clock().toISOString()) : 'null';
  await ctx.db
    .update(vcRooms)
    .set({ data: sql`jsonb_set(${vcRooms.data}, '{liveSince}', ${value}::jsonb)` })
    .where(inArray(vcRooms.id, ids));
}

/** Subscribes the rooms to the app's Zoom webhook dispatcher (`on`). */
export function subscribeZoomWebhooks(
  on: (event: string, handler: ZoomWebhookHandler) => void,
  s: ZoomRoomsFeature,
  provider: VcProvider,
): void {
  for (const kind of ['meeting', 'webinar']) {
    on(`${kind}.updated`, (event, ctx) => refreshRooms(s, provider, event, ctx));
    on(`${kind}.deleted`, (event) => markDeleted(s, provider, event));
    on(`${kind}.started`, (event, ctx) => setLive(s, event, true, ctx));
    on(`${kind}.ended`, (event, ctx) => setLive(s, event, false, ctx));
  }
}
