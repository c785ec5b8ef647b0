/*
 * Detach and delete. Deleting at a provider is durable: the room is first marked for deletion and a job is
 * queued in the same transaction (graphile-worker keeps it across restarts and retries it with backoff);
 * the request then tries once itself so that the page can say at once whether it worked. Whoever calls the
 * provider first claims the room (one caller at a time), and whoever marks it deleted queues the e-mails and
 * removes the job, in one transaction: a room is deleted at its provider once, and announced once.
 */
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { VcRemoveResult } from '../../contracts/vc';
import type { SessionUser } from '../auth/sessions';
import { Forbidden } from '../errors';
import { type DbOrTx, type EventAccess, lockEvent } from '../events';
import { enqueueJobs, type JobLog, removeJob } from '../jobs/jobs';
import { providerCtx, toProviderRoom, type Vc } from './context';
import { targetLabel, writeVcLog } from './log';
import { linkCountSql, loadLinkWithRoom, loadManagedRoom } from './manage-read';
import { vcRoomLinks, vcRooms } from './schema';
import { loadTargetFacts, targetInfoOf } from './targets';

export const DELETE_ATTEMPTS = 500;

/** A claim this old belongs to a caller that died: longer than any provider call (each has its own time-out). */
export const DELETION_CLAIM_MS = 5 * 60_000;

/** A request tries at once; its job waits this long, so that it runs only if the request could not finish. */
export const DELETION_JOB_DELAY_MS = 60_000;

const deletionJobKey = (roomId: number) => `vc.deleteRoom:${roomId}`;

/**
 * Marks these rooms for deletion at their provider and queues the job that does it, inside the caller's
 * transaction. Rooms already gone or already marked are left alone. Returns the ids it marked. `runAt`
 * delays the job when the caller tries the deletion itself right after committing.
 */
export async function requestDeletion(
  tx: DbOrTx,
  vc: Vc,
  roomIds: number[],
  actorId: number | null,
  at: Date,
  opts: { runAt?: Date } = {},
): Promise<number[]> {
  if (!roomIds.length) return [];
  const marked = await tx
    .update(vcRooms)
    .set({ deletionRequestedAt: at, deletionRequestedById: actorId, deletionError: null })
    .where(
      and(inArray(vcRooms.id, roomIds), eq(vcRooms.status, 'created'), isNull(vcRooms.deletionRequestedAt)),
    )
    .returning({ id: vcRooms.id });
  await enqueueJobs(
    tx,
    vc.jobs.deleteRoom,
    marked.map((r) => ({ payload: { roomId: r.id }, jobKey: deletionJobKey(r.id) })),
    opts,
  );
  return marked.map((r) => r.id);
}

export type DeletionOutcome = 'deleted' | 'pending' | 'skipped' | 'busy';

/**
 * One attempt at deleting a marked room at its provider. 'busy' when another caller holds the room's claim
 * (it is calling the provider now); 'pending' when the provider failed (the error is kept for the page) or
 * is not available; the job retries those.
 */
export async function attemptDeletion(vc: Vc, roomId: number, log: JobLog): Promise<DeletionOutcome> {
  const now = vc.clock();
  const claimable = and(
    eq(vcRooms.id, roomId),
    eq(vcRooms.status, 'created'),
    isNotNull(vcRooms.deletionRequestedAt),
    or(
      isNull(vcRooms.deletionClaimedAt),
      lt(vcRooms.deletionClaimedAt, new Date(now.getTime() - DELETION_CLAIM_MS)),
    ),
  );
  const [claimed] = await vc.db
    .update(vcRooms)
    .set({ deletionClaimedAt: now })
    .where(claimable)
    .returning({ id: vcRooms.id });
  if (!claimed) {
    const [row] = await vc.db
      .select({ status: vcRooms.status, requested: vcRooms.deletionRequestedAt })
      .from(vcRooms)
      .where(eq(vcRooms.id, roomId));
    return !row || row.status === 'deleted' || !row.requested ? 'skipped' : 'busy';
  }
  const [row] = await vc.db
    .select({ room: vcRooms, totalLinks: linkCountSql(vc.db) })
    .from(vcRooms)
    .where(eq(vcRooms.id, roomId));
  if (!row) return 'skipped';
  await vc.step('delete:claimed');
  const ctx = providerCtx(vc, { log });
  const provider = vc.providers.get(row.room.provider);
  const room = provider ? toProviderRoom(provider, row.room, row.totalLinks) : undefined;
  let error: string | undefined;
  if (!provider || !room || !(await provider.isEnabled({ ctx }))) {
    error = 'The videoconference service is not available on this server.';
  } else {
    try {
      await provider.delete({ room, ctx });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      log.warn(
        { roomId, provider: row.room.provider, err: error },
        'videoconference deletion failed; will retry',
      );
    }
  }
  const still = and(eq(vcRooms.id, roomId), eq(vcRooms.status, 'created'));
  if (error !== undefined || !provider || !room) {
    await vc.db
      .update(vcRooms)
      .set({ deletionError: (error ?? '').slice(0, 500), deletionClaimedAt: null })
      .where(still);
    return 'pending';
  }
  await vc.step('delete:provider-done');
  await vc.db.transaction(async (tx) => {
    const [flipped] = await tx
      .update(vcRooms)
      .set({ status: 'deleted', deletedAt: vc.clock(), deletionError: null, deletionClaimedAt: null })
      .where(still)
      .returning({ id: vcRooms.id });
    if (!flipped) return;
    await provider.afterDelete?.({ room, ctx: providerCtx(vc, { db: tx, log }) });
    await removeJob(tx, deletionJobKey(roomId));
    await vc.step('delete:flipped');
  });
  return 'deleted';
}

function deletionResult(outcome: DeletionOutcome, providerName: string): VcRemoveResult {
  if (outcome === 'busy') {
    return {
      roomDeletion: 'pending',
      message: `The videoconference is being deleted at ${providerName}.`,
    };
  }
  if (outcome === 'pending') {
    return {
      roomDeletion: 'pending',
      message: `${providerName} could not delete the videoconference now: it will be retried in the background.`,
    };
  }
  return { roomDeletion: 'deleted', message: `The videoconference was deleted at ${providerName}.` };
}

/** When the job of a deletion the request tries itself runs: real time, as graphile-worker's queue is. */
const jobRunAt = () => new Date(Date.now() + DELETION_JOB_DELAY_MS);

/** Detach: removes this link; when it was the room's last one and the user asks, deletes the room too. */
export async function detachLink(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  deleteRoom: boolean,
  log: JobLog,
): Promise<VcRemoveResult> {
  const at = vc.clock();
  const outcome = await vc.db.transaction(async (tx) => {
    await lockEvent(tx, access.event.id, 'share');
    const { link, room, totalLinks } = await loadLinkWithRoom(tx, access.event.id, linkId, { lock: true });
    const facts = await loadTargetFacts(tx, [link]);
    const info = targetInfoOf(access.event, link, facts);
    await tx.delete(vcRoomLinks).where(eq(vcRoomLinks.id, link.id));
    const marked =
      totalLinks === 1 && deleteRoom
        ? await requestDeletion(tx, vc, [room.id], user.id, at, { runAt: jobRunAt() })
        : [];
    await writeVcLog(tx, [
      {
        eventId: access.event.id,
        actorId: user.id,
        at,
        kind: 'removed',
        summary: `Videoconference "${room.name}" detached from ${targetLabel(info)}${
          marked.length ? ' and deleted' : ''
        }`,
        data: { roomId: room.id, linkId: link.id, provider: room.provider, deleteRoom: marked.length > 0 },
      },
    ]);
    return { marked: marked.length > 0, provider: room.provider, roomId: room.id };
  });
  const providerName = vc.providers.get(outcome.provider)?.displayName ?? outcome.provider;
  if (!outcome.marked)
    return { roomDeletion: 'none', message: 'The videoconference was detached from this event.' };
  await vc.step('delete:requested');
  return deletionResult(await attemptDeletion(vc, outcome.roomId, log), providerName);
}

/**
 * Delete: deletes the room at its provider and marks it deleted wherever it is linked (its links stay, so
 * that every event's managers see what happened and can detach it).
 */
export async function deleteRoomEverywhere(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  log: JobLog,
): Promise<VcRemoveResult> {
  const managed = await loadManagedRoom(vc, access.event, user, linkId);
  if (!managed.can.delete) {
    throw new Forbidden(
      'Only those who manage this videoconference (its creator, its hosts, or the managers of every event using it) may delete it.',
    );
  }
  const at = vc.clock();
  const roomId = await vc.db.transaction(async (tx) => {
    await lockEvent(tx, access.event.id, 'share');
    const { room } = await loadLinkWithRoom(tx, access.event.id, linkId, { lock: true });
    const marked = await requestDeletion(tx, vc, [room.id], user.id, at, { runAt: jobRunAt() });
    if (!marked.length) return room.id;
    const linkedEvents = await tx
      .selectDistinct({ eventId: vcRoomLinks.eventId })
      .from(vcRoomLinks)
      .where(eq(vcRoomLinks.roomId, room.id));
    await writeVcLog(
      tx,
      linkedEvents.map(({ eventId }) => ({
        eventId,
        actorId: user.id,
        at,
        kind: 'removed' as const,
        summary: `Videoconference "${room.name}" deleted${eventId === access.event.id ? '' : ` from event "${access.event.title}"`}`,
        data: { roomId: room.id, provider: room.provider, fromEventId: access.event.id },
      })),
    );
    return room.id;
  });
  const providerName = vc.providers.get(managed.provider.name)?.displayName ?? managed.provider.name;
  await vc.step('delete:requested');
  return deletionResult(await attemptDeletion(vc, roomId, log), providerName);
}

/** Rooms among these that have no link left (for event deletion). */
export async function roomsWithoutLinks(tx: DbOrTx, roomIds: number[]): Promise<number[]> {
  if (!roomIds.length) return [];
  const rows = await tx
    .select({ id: vcRooms.id })
    .from(vcRooms)
    .where(
      and(
        inArray(vcRooms.id, roomIds),
        sql`NOT EXISTS (SELECT 1 FROM ${vcRoomLinks} WHERE ${vcRoomLinks.roomId} = ${vcRooms.id})`,
      ),
    );
  return rows.map((r) => r.id);
}
