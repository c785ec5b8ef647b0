/*
 * How rooms follow what happens to events (the events feature's hooks; it never imports this module):
 * - a deleted contribution or session block hands its room to the whole event, with a warning in the log
 *   (as Indico does); an unscheduled contribution keeps its room, and the management page flags it;
 * - a deleted event loses its links, and a room left with no link is deleted at its provider by a job.
 * Everything runs inside the events feature's transaction: no provider is called here, jobs are queued.
 */
import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Actor, DbOrTx, EventHooks, EventRow } from '../events';
import type { Vc } from './context';
import { writeVcLog } from './log';
import { requestDeletion, roomsWithoutLinks } from './removal';
import { vcRoomLinks, vcRooms } from './schema';

/** Hands the links matching `where` (a contribution's or a block's) to the whole event. */
async function relinkToEvent(
  tx: DbOrTx,
  event: EventRow,
  where: SQL | undefined,
  what: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  const links = await tx
    .select({
      id: vcRoomLinks.id,
      roomId: vcRoomLinks.roomId,
      name: vcRooms.name,
      provider: vcRooms.provider,
    })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(where);
  if (!links.length) return;
  const ids = links.map((l) => l.id);
  // A room already linked to the event keeps that link; its link to the deleted item simply goes.
  const moved = await tx
    .update(vcRoomLinks)
    .set({ linkedEventId: event.id, contributionId: null, blockId: null })
    .where(
      and(
        inArray(vcRoomLinks.id, ids),
        sql`NOT EXISTS (SELECT 1 FROM ${vcRoomLinks} AS other
          WHERE other.room_id = ${vcRoomLinks.roomId} AND other.linked_event_id = ${event.id})`,
      ),
    )
    .returning({ id: vcRoomLinks.id });
  const movedIds = new Set(moved.map((m) => m.id));
  const dropped = ids.filter((id) => !movedIds.has(id));
  if (dropped.length) await tx.delete(vcRoomLinks).where(inArray(vcRoomLinks.id, dropped));
  await writeVcLog(
    tx,
    links.map((l) => ({
      eventId: event.id,
      actorId: actor?.id ?? null,
      at,
      kind: 'changed' as const,
      summary: movedIds.has(l.id)
        ? `Videoconference "${l.name}" was linked to ${what}, which was deleted: it is now linked to the whole event`
        : `Videoconference "${l.name}" was linked to ${what}, which was deleted: it stays linked to the whole event`,
      data: { roomId: l.roomId, linkId: l.id, provider: l.provider, warning: true },
    })),
  );
}

/** Removes every link of a deleted event; rooms left with no link are queued for deletion at their provider. */
async function unlinkDeletedEvent(
  vc: Vc,
  tx: DbOrTx,
  event: EventRow,
  actor: Actor,
  at: Date,
): Promise<void> {
  const removed = await tx
    .delete(vcRoomLinks)
    .where(eq(vcRoomLinks.eventId, event.id))
    .returning({ id: vcRoomLinks.id, roomId: vcRoomLinks.roomId });
  if (!removed.length) return;
  const roomIds = [...new Set(removed.map((r) => r.roomId))];
  const orphans = await roomsWithoutLinks(tx, roomIds);
  const marked = new Set(await requestDeletion(tx, vc, orphans, actor?.id ?? null, at));
  const rooms = await tx
    .select({ id: vcRooms.id, name: vcRooms.name, provider: vcRooms.provider })
    .from(vcRooms)
    .where(inArray(vcRooms.id, roomIds));
  await writeVcLog(
    tx,
    rooms.map((room) => ({
      eventId: event.id,
      actorId: actor?.id ?? null,
      at,
      kind: 'removed' as const,
      summary: `Videoconference "${room.name}" detached: the event was deleted${
        marked.has(room.id) ? '; no other event uses it, so it is being deleted' : ''
      }`,
      data: { roomId: room.id, provider: room.provider, deleteRoom: marked.has(room.id) },
    })),
  );
}

/** Subscribes the module to the events feature's hooks; returns the unsubscribe function. */
export function subscribeToEventHooks(vc: Vc, hooks: EventHooks): () => void {
  const offs = [
    hooks.on('contributionDeleted', 'vc', ({ tx, event, contribution, actor, at }) =>
      relinkToEvent(
        tx,
        event,
        eq(vcRoomLinks.contributionId, contribution.id),
        `contribution "${contribution.title}"`,
        actor,
        at,
      ),
    ),
    hooks.on('sessionBlockDeleted', 'vc', ({ tx, event, block, actor, at }) =>
      relinkToEvent(
        tx,
        event,
        and(isNotNull(vcRoomLinks.blockId), eq(vcRoomLinks.blockId, block.id)),
        block.title ? `session block "${block.title}"` : 'a session block',
        actor,
        at,
      ),
    ),
    hooks.on('eventDeleted', 'vc', ({ tx, event, actor, at }) =>
      unlinkDeletedEvent(vc, tx, event, actor, at),
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}
