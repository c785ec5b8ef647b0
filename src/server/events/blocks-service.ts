// Session blocks: a session's time slots. Moving a block moves its contributions; deleting one unschedules them.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CreateBlockBody, UpdateBlockBody } from '../../contracts/events';
import { NotFound, ValidationFailed } from '../errors';
import type { Actor, DbOrTx } from './db-types';
import type { Acting, ServiceDeps } from './events-service';
import type { EventHooks } from './hooks';
import { changedFields, writeEventLog, writeEventLogs } from './log';
import { presentBlock } from './present';
import { type BlockRow, contributions, type EventRow, eventSessions, sessionBlocks } from './schema';
import { addMinutes, sameInstant } from './time';
import { assertInside, assertVersion, lockEvent } from './write-helpers';

const BLOCK_FIELDS = { start: 'start', duration: 'durationMinutes' };

/** The live session of this event, or 422 on `field`. */
async function requireSession(tx: DbOrTx, eventId: number, sessionId: number, field: string) {
  const [session] = await tx
    .select()
    .from(eventSessions)
    .where(
      and(
        eq(eventSessions.id, sessionId),
        eq(eventSessions.eventId, eventId),
        isNull(eventSessions.deletedAt),
      ),
    );
  if (!session) throw ValidationFailed.field(field, 'is not a session of this event');
  return session;
}

async function lockBlock(tx: DbOrTx, eventId: number, blockId: number): Promise<BlockRow> {
  const [block] = await tx
    .select()
    .from(sessionBlocks)
    .where(
      and(eq(sessionBlocks.id, blockId), eq(sessionBlocks.eventId, eventId), isNull(sessionBlocks.deletedAt)),
    )
    .for('update');
  if (!block) throw new NotFound('This session block');
  return block;
}

const logFields = (b: Pick<BlockRow, 'sessionId' | 'title' | 'startAt' | 'durationMinutes'>) => ({
  sessionId: b.sessionId,
  title: b.title,
  start: b.startAt,
  durationMinutes: b.durationMinutes,
});

const blockName = (b: BlockRow, sessionTitle: string) =>
  b.title ? `"${b.title}" of "${sessionTitle}"` : `of "${sessionTitle}"`;

export async function createBlock(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  body: CreateBlockBody,
): Promise<BlockRow> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const session = await requireSession(tx, eventId, body.sessionId, 'sessionId');
    const startAt = new Date(body.start);
    assertInside(BLOCK_FIELDS, startAt, body.durationMinutes, event, 'event');
    const [block] = await tx
      .insert(sessionBlocks)
      .values({
        eventId,
        sessionId: session.id,
        title: body.title,
        startAt,
        durationMinutes: body.durationMinutes,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!block) throw new Error('block insert returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'added',
      summary: `Session block ${blockName(block, session.title)} created`,
      after: logFields(block),
      data: { blockId: block.id },
    });
    return block;
  });
}

export async function updateBlock(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  blockId: number,
  body: UpdateBlockBody,
): Promise<BlockRow> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const old = await lockBlock(tx, eventId, blockId);
    await assertVersion('session block', old, body.version, () => presentBlock(old, event.timezone));
    const session = await requireSession(tx, eventId, body.sessionId ?? old.sessionId, 'sessionId');
    const startAt = body.start !== undefined ? new Date(body.start) : old.startAt;
    const durationMinutes = body.durationMinutes ?? old.durationMinutes;
    assertInside(BLOCK_FIELDS, startAt, durationMinutes, event, 'event');
    const next = { sessionId: session.id, title: body.title ?? old.title, startAt, durationMinutes };
    const diff = changedFields(logFields(old), logFields(next));
    if (!diff) return old;

    const shiftMs = startAt.getTime() - old.startAt.getTime();
    const moved = shiftMs
      ? await tx
          .update(contributions)
          .set({
            startAt: sql`${contributions.startAt} + ${shiftMs} * interval '1 millisecond'`,
            version: sql`${contributions.version} + 1`,
            updatedAt: at,
          })
          .where(and(eq(contributions.blockId, blockId), isNull(contributions.deletedAt)))
          .returning({ id: contributions.id })
      : [];
    await assertContributionsFit(tx, blockId, { startAt, endAt: addMinutes(startAt, durationMinutes) });

    const [block] = await tx
      .update(sessionBlocks)
      .set({ ...next, version: old.version + 1, updatedAt: at })
      .where(eq(sessionBlocks.id, blockId))
      .returning();
    if (!block) throw new Error('block update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'changed',
      summary: `Session block ${blockName(block, session.title)} changed`,
      ...diff,
      data: { blockId, ...(moved.length ? { movedContributions: moved.length } : {}) },
    });
    if (!sameInstant(old.startAt, startAt) || old.durationMinutes !== durationMinutes) {
      await deps.extensions.hooks.emit('blockTimesChanged', {
        tx,
        actor,
        at,
        event,
        block,
        before: { startAt: old.startAt, durationMinutes: old.durationMinutes },
        movedContributionIds: moved.map((c) => c.id),
      });
    }
    return block;
  });
}

/** 422 on durationMinutes when a contribution of the block would end after it (moving keeps them inside). */
async function assertContributionsFit(tx: DbOrTx, blockId: number, span: { startAt: Date; endAt: Date }) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(contributions)
    .where(
      and(
        eq(contributions.blockId, blockId),
        isNull(contributions.deletedAt),
        sql`(${contributions.startAt} < ${span.startAt} OR ${contributions.startAt} + ${contributions.durationMinutes} * interval '1 minute' > ${span.endAt})`,
      ),
    );
  const n = row?.n ?? 0;
  if (n) {
    throw ValidationFailed.field(
      'durationMinutes',
      `${n} ${n === 1 ? 'contribution' : 'contributions'} of this block would end after it: shorten or move them first`,
    );
  }
}

export async function deleteBlock(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  blockId: number,
  version: number | undefined,
): Promise<void> {
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const block = await lockBlock(tx, eventId, blockId);
    await assertVersion('session block', block, version, () => presentBlock(block, event.timezone));
    await deleteBlocks(tx, {
      event,
      blocks: [block],
      reason: 'deleted',
      actor,
      at,
      hooks: deps.extensions.hooks,
    });
  });
}

/**
 * Deletes blocks (already locked) of one event: their contributions become unscheduled first, then each
 * block is marked deleted, logged, and announced to the hooks.
 */
export async function deleteBlocks(
  tx: DbOrTx,
  args: {
    event: EventRow;
    blocks: BlockRow[];
    reason: 'deleted' | 'sessionDeleted';
    actor: Actor;
    at: Date;
    hooks: EventHooks;
  },
): Promise<void> {
  const { event, blocks, reason, actor, at, hooks } = args;
  if (!blocks.length) return;
  const ids = blocks.map((b) => b.id);
  const inBlocks = and(inArray(contributions.blockId, ids), isNull(contributions.deletedAt));
  const before = await tx.select().from(contributions).where(inBlocks).for('update');
  const unscheduled = before.length
    ? await tx
        .update(contributions)
        .set({ startAt: null, blockId: null, version: sql`${contributions.version} + 1`, updatedAt: at })
        .where(inBlocks)
        .returning()
    : [];
  const deleted = await tx
    .update(sessionBlocks)
    .set({ deletedAt: at, updatedAt: at, version: sql`${sessionBlocks.version} + 1` })
    .where(inArray(sessionBlocks.id, ids))
    .returning();
  const beforeById = new Map(before.map((c) => [c.id, c]));
  await writeEventLogs(
    tx,
    deleted.map((block) => ({
      eventId: event.id,
      actorId: actor?.id ?? null,
      at,
      module: 'timetable',
      kind: 'removed' as const,
      summary: `Session block ${block.title ? `"${block.title}" ` : ''}deleted`,
      before: logFields(block),
      data: {
        blockId: block.id,
        unscheduledContributions: before.filter((c) => c.blockId === block.id).map((c) => c.id),
      },
    })),
  );
  if (unscheduled.length) {
    await hooks.emit('contributionUnscheduled', {
      tx,
      actor,
      at,
      event,
      reason: 'blockDeleted',
      contributions: unscheduled.map((contribution) => {
        const old = beforeById.get(contribution.id);
        return { contribution, before: { startAt: old?.startAt ?? at, blockId: old?.blockId ?? null } };
      }),
    });
  }
  for (const block of deleted)
    await hooks.emit('sessionBlockDeleted', { tx, actor, at, event, block, reason });
}
