/*
 * When an event, contribution or session block moves, the Zoom meetings scheduled for it (type 2 or 5)
 * move too (Indico #170/#171: postponed events left expired meetings). The hook runs inside the change's
 * transaction, so it only queues a job there; the job PATCHes start_time and duration and writes the
 * outcome in the event log. Meetings with no fixed time (shared ones) are left alone.
 */
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DbOrTx, type EventHooks, type EventRow, events } from '../../../events';
import { enqueueJobs, type JobContext, type JobDefinition, type JobRegistry } from '../../../jobs/jobs';
import { writeVcLog } from '../../log';
import { linkCountSql } from '../../manage-read';
import { RoomGoneError, type VcProvider } from '../../provider';
import { markRoomGone } from '../../room-writes';
import { vcRoomLinks, vcRooms } from '../../schema';
import { loadTargetFacts, targetInfoOf } from '../../targets';
import { isZoomError } from '../errors';
import { scheduleFor } from './meeting-data';
import { ZOOM_PROVIDER, ZoomRoomData } from './room-data';
import type { ZoomRoomsFeature } from './services';
import { patchRoom, schedulePatch } from './update';

const RescheduleJob = z.object({ roomId: z.number().int(), linkId: z.number().int() });
type RescheduleJob = z.infer<typeof RescheduleJob>;

const ATTEMPTS = 8;
/** The owner of this module's subscriptions to the app's event hooks. */
const OWNER = 'vc:zoom-reschedule';

interface Moved {
  event?: EventRow;
  contributionIds: number[];
  blockIds: number[];
}

/** Queues a reschedule for every scheduled Zoom meeting linked directly to what moved. */
async function queueReschedules(
  tx: DbOrTx,
  job: JobDefinition<RescheduleJob>,
  eventId: number,
  moved: Moved,
) {
  const targets: SQL[] = [];
  if (moved.event) targets.push(eq(vcRoomLinks.linkedEventId, moved.event.id));
  if (moved.contributionIds.length) targets.push(inArray(vcRoomLinks.contributionId, moved.contributionIds));
  if (moved.blockIds.length) targets.push(inArray(vcRoomLinks.blockId, moved.blockIds));
  if (!targets.length) return;
  const rows = await tx
    .select({ linkId: vcRoomLinks.id, roomId: vcRooms.id, data: vcRooms.data })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(
      and(
        eq(vcRoomLinks.eventId, eventId),
        eq(vcRooms.provider, ZOOM_PROVIDER),
        eq(vcRooms.status, 'created'),
        isNull(vcRooms.deletionRequestedAt),
        or(...targets),
      ),
    );
  const scheduled = rows.filter((r) => {
    const data = ZoomRoomData.safeParse(r.data);
    return data.success && (data.data.zoomType === 2 || data.data.zoomType === 5);
  });
  await enqueueJobs(
    tx,
    job,
    scheduled.map((r) => ({
      payload: { roomId: r.roomId, linkId: r.linkId },
      jobKey: `zoom.reschedule:${r.roomId}`,
    })),
  );
}

export function subscribeToTimeChanges(hooks: EventHooks, job: JobDefinition<RescheduleJob>): () => void {
  const offs = [
    hooks.on('eventTimesChanged', OWNER, ({ tx, event, shifted }) =>
      queueReschedules(tx, job, event.id, {
        event,
        contributionIds: shifted.contributionIds,
        blockIds: shifted.blockIds,
      }),
    ),
    hooks.on('blockTimesChanged', OWNER, ({ tx, event, block, movedContributionIds }) =>
      queueReschedules(tx, job, event.id, { contributionIds: movedContributionIds, blockIds: [block.id] }),
    ),
    hooks.on('contributionTimesChanged', OWNER, ({ tx, event, contribution }) =>
      queueReschedules(tx, job, event.id, { contributionIds: [contribution.id], blockIds: [] }),
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}

const RETRYABLE = new Set(['timeout', 'unavailable', 'rate-limited', 'token']);

export function defineRescheduleJob(
  jobs: JobRegistry,
  feature: { services: ZoomRoomsFeature; provider: VcProvider },
): JobDefinition<RescheduleJob> {
  return jobs.define({
    name: 'zoom.reschedule',
    payload: RescheduleJob,
    maxAttempts: ATTEMPTS,
    run: (payload, ctx) => reschedule(feature, payload, ctx),
  });
}

async function reschedule(
  deps: { services: ZoomRoomsFeature; provider: VcProvider },
  { roomId, linkId }: RescheduleJob,
  job: JobContext,
): Promise<void> {
  const { services: s, provider } = deps;
  const { db, clock } = s.vc;
  const [row] = await db
    .select({ room: vcRooms, link: vcRoomLinks, event: events, totalLinks: linkCountSql(db) })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
    .where(and(eq(vcRoomLinks.id, linkId), eq(vcRooms.id, roomId)));
  if (row?.room.status !== 'created' || row.room.deletionRequestedAt) return;
  const parsed = ZoomRoomData.safeParse(row.room.data);
  if (!parsed.success || (parsed.data.zoomType !== 2 && parsed.data.zoomType !== 5)) return;
  const data = parsed.data;
  const target = targetInfoOf(row.event, row.link, await loadTargetFacts(db, [row.link]));
  const schedule = scheduleFor(target, data.kind, clock());
  if (
    schedule.startTime === data.startTime &&
    schedule.duration === data.duration &&
    schedule.type === data.zoomType
  )
    return;
  const next: ZoomRoomData = {
    ...data,
    zoomType: schedule.type,
    startTime: schedule.startTime,
    duration: schedule.duration,
  };
  const log = (summary: string, extra: Record<string, unknown>) =>
    writeVcLog(db, [
      {
        eventId: row.event.id,
        actorId: null,
        at: clock(),
        kind: 'other',
        summary,
        data: { roomId, linkId, provider: ZOOM_PROVIDER, ...extra },
      },
    ]);
  try {
    const client = await s.client();
    await patchRoom(client, data, schedulePatch(data, next, true));
  } catch (err) {
    if (isZoomError(err, 'meeting-not-found')) {
      await markRoomGone(s.vc, provider, roomId, null);
      return;
    }
    if (err instanceof RoomGoneError) return;
    const message = err instanceof Error ? err.message : String(err);
    const retry = isZoomError(err) && RETRYABLE.has(err.kind) && job.attempt < job.maxAttempts;
    if (retry) throw err;
    await log(`Zoom schedule update of "${row.room.name}" failed: ${message}`, { state: 'failed' });
    return;
  }
  await db
    .update(vcRooms)
    // Only the schedule, merged: an edit saved meanwhile keeps its other fields.
    .set({
      data: sql`${vcRooms.data} || ${JSON.stringify({ zoomType: next.zoomType, startTime: next.startTime, duration: next.duration })}::jsonb`,
      modifiedAt: clock(),
    })
    .where(eq(vcRooms.id, roomId));
  await log(
    next.startTime
      ? `Zoom schedule of "${row.room.name}" updated: ${next.startTime}, ${next.duration} min`
      : `Zoom schedule of "${row.room.name}" updated: recurring with no fixed time (${target.title} has no start in the future)`,
    { state: 'succeeded', startTime: next.startTime, duration: next.duration },
  );
}
