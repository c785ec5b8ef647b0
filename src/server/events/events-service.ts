// Creating, editing (with the optional timetable shift) and deleting events.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { CreateEventBody, UpdateEventBody } from '../../contracts/events';
import { ValidationFailed } from '../errors';
import type { Clock } from '../http/types';
import { assertMayCreateEvents } from './creators';
import { type DbOrTx, inTurn } from './db-types';
import type { EventExtensions } from './extensions';
import { changedFields, writeEventLog } from './log';
import { presentEvent } from './present';
import { contributions, type EventRow, eventManagers, events, sessionBlocks } from './schema';
import { canonicalTimezone, sameInstant } from './time';
import { assertVersion, countEntriesOutside, lockEvent } from './write-helpers';

export interface ServiceDeps {
  db: DbOrTx;
  clock: Clock;
  /** The app's hooks, clone steps and display extensions. */
  extensions: EventExtensions;
}

export type Acting = { id: number; isAdmin: boolean };

export async function createEvent(
  deps: ServiceDeps,
  actor: Acting,
  body: CreateEventBody,
): Promise<EventRow> {
  await assertMayCreateEvents(deps.db, actor);
  const startAt = new Date(body.start);
  const endAt = new Date(body.end);
  if (endAt <= startAt) throw ValidationFailed.field('end', 'must be after the start');
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        title: body.title,
        description: body.description,
        startAt,
        endAt,
        timezone: canonicalTimezone(body.timezone),
        location: body.location,
        roomName: body.roomName,
        protectionMode: body.protectionMode,
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!event) throw new Error('event insert returned nothing');
    await tx.insert(eventManagers).values({ eventId: event.id, userId: actor.id, createdAt: at });
    await writeEventLog(tx, {
      eventId: event.id,
      actorId: actor.id,
      at,
      module: 'event',
      kind: 'added',
      summary: `Event "${event.title}" created`,
      after: { title: event.title, start: startAt, end: endAt, timezone: event.timezone },
    });
    return event;
  });
}

/** Moves every live block and scheduled contribution of the event by `shiftMs`; returns what moved. */
async function shiftTimetable(tx: DbOrTx, eventId: number, shiftMs: number, at: Date) {
  const by = sql`${shiftMs} * interval '1 millisecond'`;
  const [blocks, contribs] = await inTurn(
    tx
      .update(sessionBlocks)
      .set({
        startAt: sql`${sessionBlocks.startAt} + ${by}`,
        version: sql`${sessionBlocks.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(sessionBlocks.eventId, eventId), isNull(sessionBlocks.deletedAt)))
      .returning({ id: sessionBlocks.id }),
    tx
      .update(contributions)
      .set({
        startAt: sql`${contributions.startAt} + ${by}`,
        version: sql`${contributions.version} + 1`,
        updatedAt: at,
      })
      .where(
        and(
          eq(contributions.eventId, eventId),
          isNull(contributions.deletedAt),
          isNotNull(contributions.startAt),
        ),
      )
      .returning({ id: contributions.id }),
  );
  return { blockIds: blocks.map((b) => b.id), contributionIds: contribs.map((c) => c.id) };
}

export async function updateEvent(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  body: UpdateEventBody,
): Promise<EventRow> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const old = await lockEvent(tx, eventId, 'update');
    await assertVersion('event', old, body.version, () => presentEvent(old, { manage: true }));
    const startAt = body.start !== undefined ? new Date(body.start) : old.startAt;
    const endAt = body.end !== undefined ? new Date(body.end) : old.endAt;
    if (endAt <= startAt) {
      throw ValidationFailed.field(
        body.end !== undefined ? 'end' : 'start',
        'the end must be after the start',
      );
    }
    const next = {
      title: body.title,
      description: body.description,
      startAt,
      endAt,
      timezone: body.timezone !== undefined ? canonicalTimezone(body.timezone) : undefined,
      location: body.location,
      roomName: body.roomName,
    };
    const diff = changedFields(old, next);
    if (!diff) return old;

    const timesChanged = !sameInstant(old.startAt, startAt) || !sameInstant(old.endAt, endAt);
    const shiftMs = body.shiftTimetable ? startAt.getTime() - old.startAt.getTime() : 0;
    const shifted = shiftMs
      ? await shiftTimetable(tx, eventId, shiftMs, at)
      : { blockIds: [], contributionIds: [] };
    if (timesChanged) {
      const outside = await countEntriesOutside(tx, eventId, { startAt, endAt });
      if (outside.early || outside.late) {
        const n = outside.early + outside.late;
        throw ValidationFailed.field(
          outside.early ? 'start' : 'end',
          `${n} timetable ${n === 1 ? 'entry' : 'entries'} would lie outside the event: shift the timetable or move them first`,
        );
      }
    }
    const [event] = await tx
      .update(events)
      .set({ ...next, version: old.version + 1, updatedAt: at })
      .where(eq(events.id, eventId))
      .returning();
    if (!event) throw new Error('event update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'event',
      kind: 'changed',
      summary: shiftMs ? 'Event settings changed and timetable shifted' : 'Event settings changed',
      before: renameTimes(diff.before),
      after: renameTimes(diff.after),
      data: shiftMs
        ? {
            shiftMs,
            shiftedBlocks: shifted.blockIds.length,
            shiftedContributions: shifted.contributionIds.length,
          }
        : {},
    });
    if (timesChanged) {
      await deps.extensions.hooks.emit('eventTimesChanged', {
        tx,
        actor,
        at,
        event,
        before: { startAt: old.startAt, endAt: old.endAt },
        shiftMs,
        shifted,
      });
    }
    return event;
  });
}

/** The log speaks the API's names (start, end), not the columns'. */
function renameTimes(fields: Record<string, unknown>): Record<string, unknown> {
  const { startAt, endAt, ...rest } = fields;
  return {
    ...rest,
    ...(startAt !== undefined ? { start: startAt } : {}),
    ...(endAt !== undefined ? { end: endAt } : {}),
  };
}

/** Soft delete: the event vanishes from pages and lists; its rows stay for the log and other modules. */
export async function deleteEvent(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  version: number | undefined,
): Promise<void> {
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const old = await lockEvent(tx, eventId, 'update');
    await assertVersion('event', old, version, () => presentEvent(old, { manage: true }));
    const [event] = await tx
      .update(events)
      .set({ deletedAt: at, updatedAt: at, version: old.version + 1 })
      .where(eq(events.id, eventId))
      .returning();
    if (!event) throw new Error('event update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'event',
      kind: 'removed',
      summary: `Event "${old.title}" deleted`,
    });
    await deps.extensions.hooks.emit('eventDeleted', { tx, actor, at, event });
  });
}
