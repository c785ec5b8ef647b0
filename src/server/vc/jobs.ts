// The module's background jobs. The room jobs are keyed per room, so that a room has one pending job of each
// kind however many requests asked for it; the sweep is keyed per create. All retry with graphile-worker's
// backoff until they succeed.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { events } from '../events';
import type { JobRegistry } from '../jobs/jobs';
import { providerCtx, toProviderRoom, type Vc, type VcJobs } from './context';
import { sweepCreateIntent } from './create';
import { linkCountSql } from './manage-read';
import { RoomGoneError } from './provider';
import { attemptDeletion, DELETE_ATTEMPTS } from './removal';
import { markRoomGone, storedKeys } from './room-writes';
import { vcRoomLinks, vcRooms } from './schema';
import { loadTargetFacts, targetInfoOf } from './targets';

/** Defines the jobs; `vc` is read when they run (the registry is built after them). */
export function defineVcJobs(jobs: JobRegistry, vcRef: () => Vc): VcJobs {
  const deleteRoom = jobs.define({
    name: 'vc.deleteRoom',
    payload: z.object({ roomId: z.number().int() }),
    maxAttempts: DELETE_ATTEMPTS,
    async run({ roomId }, ctx) {
      const outcome = await attemptDeletion(vcRef(), roomId, ctx.log);
      // Throwing makes graphile-worker retry with backoff; the room keeps the provider's last error. 'busy':
      // another caller is deleting it now; the retry finds it deleted (or that caller dead, its claim stale).
      if (outcome === 'pending' || outcome === 'busy')
        throw new Error(`videoconference ${roomId} is not deleted at its provider yet`);
    },
  });
  const syncRoom = jobs.define({
    name: 'vc.syncRoom',
    payload: z.object({ roomId: z.number().int(), linkId: z.number().int() }),
    maxAttempts: 100,
    async run({ roomId, linkId }, ctx) {
      const vc = vcRef();
      const [row] = await vc.db
        .select({ room: vcRooms, link: vcRoomLinks, event: events, totalLinks: linkCountSql(vc.db) })
        .from(vcRooms)
        .innerJoin(vcRoomLinks, eq(vcRoomLinks.roomId, vcRooms.id))
        .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
        .where(eq(vcRoomLinks.id, linkId));
      if (!row || row.room.id !== roomId || row.room.status !== 'created' || row.room.deletionRequestedAt)
        return;
      const provider = vc.providers.get(row.room.provider);
      const room = provider ? toProviderRoom(provider, row.room, row.totalLinks) : undefined;
      if (!provider || !room) throw new Error(`videoconference ${roomId}: its provider is not available`);
      const facts = await loadTargetFacts(vc.db, [row.link]);
      const pctx = providerCtx(vc, { log: ctx.log });
      try {
        const data = await provider.update({
          room,
          name: room.name,
          data: room.data,
          target: targetInfoOf(row.event, row.link, facts),
          actor: null,
          reason: 'sync',
          ctx: pctx,
        });
        await vc.db
          .update(vcRooms)
          .set({ data, ...storedKeys(provider, data) })
          .where(eq(vcRooms.id, roomId));
      } catch (err) {
        if (!(err instanceof RoomGoneError)) throw err;
        await markRoomGone(vc, provider, roomId, null);
      }
    },
  });
  const sweepCreate = jobs.define({
    name: 'vc.sweepCreate',
    payload: z.object({ intentId: z.string() }),
    maxAttempts: 100,
    async run({ intentId }, ctx) {
      await sweepCreateIntent(vcRef(), intentId, ctx.log);
    },
  });
  return { deleteRoom, syncRoom, sweepCreate };
}
