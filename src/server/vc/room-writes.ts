// Small writes shared by the flows: the provider-derived columns of a room, and marking a room gone.
import { and, eq } from 'drizzle-orm';
import { Conflict } from '../errors';
import type { Vc } from './context';
import { writeVcLog } from './log';
import { RoomGoneError, type VcProvider } from './provider';
import { vcRoomLinks, vcRooms } from './schema';

/** The columns computed from a room's provider data, stored so that lists can search them in SQL. */
export function storedKeys(
  provider: VcProvider,
  data: unknown,
): { hostKeys: string[]; searchKeys: string[] } {
  const parsed = provider.roomDataSchema.safeParse(data);
  if (!parsed.success) return { hostKeys: [], searchKeys: [] };
  return {
    hostKeys: provider.hostKeys({ data: parsed.data }),
    searchKeys: provider.searchKeys({ data: parsed.data }),
  };
}

/**
 * When a provider says the room is gone (RoomGoneError, or refresh answering 'gone'), the room is marked
 * deleted everywhere and each event using it gets a log line. Returns the error to show the user: a 409
 * naming what happened, or `err` itself when it was something else.
 */
export async function markGone(
  vc: Vc,
  provider: VcProvider,
  roomId: number,
  err: unknown,
  actorId: number | null,
): Promise<unknown> {
  if (!(err instanceof RoomGoneError)) return err;
  await markRoomGone(vc, provider, roomId, actorId);
  return new Conflict(
    `This videoconference no longer exists at ${provider.displayName}: it has been marked deleted. You can detach it.`,
    { details: { gone: true } },
  );
}

export async function markRoomGone(vc: Vc, provider: VcProvider, roomId: number, actorId: number | null) {
  const at = vc.clock();
  await vc.db.transaction(async (tx) => {
    const [room] = await tx
      .update(vcRooms)
      .set({ status: 'deleted', deletedAt: at, modifiedAt: at })
      .where(and(eq(vcRooms.id, roomId), eq(vcRooms.status, 'created')))
      .returning();
    if (!room) return;
    const linked = await tx
      .selectDistinct({ eventId: vcRoomLinks.eventId })
      .from(vcRoomLinks)
      .where(eq(vcRoomLinks.roomId, roomId));
    await writeVcLog(
      tx,
      linked.map(({ eventId }) => ({
        eventId,
        actorId,
        at,
        kind: 'other' as const,
        summary: `Videoconference "${room.name}" no longer exists at ${provider.displayName}: marked deleted`,
        data: { roomId, provider: provider.name },
      })),
    );
  });
}
