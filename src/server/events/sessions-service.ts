// Sessions of an event's timetable. Deleting one deletes its blocks (whose contributions become unscheduled).
import { and, eq, isNull } from 'drizzle-orm';
import type { CreateSessionBody, UpdateSessionBody } from '../../contracts/events';
import { NotFound } from '../errors';
import { deleteBlocks } from './blocks-service';
import type { DbOrTx } from './db-types';
import type { Acting, ServiceDeps } from './events-service';
import { changedFields, writeEventLog } from './log';
import { presentSession } from './present';
import { eventSessions, type SessionRow, sessionBlocks } from './schema';
import { assertVersion, lockEvent } from './write-helpers';

async function lockSession(tx: DbOrTx, eventId: number, sessionId: number): Promise<SessionRow> {
  const [session] = await tx
    .select()
    .from(eventSessions)
    .where(
      and(
        eq(eventSessions.id, sessionId),
        eq(eventSessions.eventId, eventId),
        isNull(eventSessions.deletedAt),
      ),
    )
    .for('update');
  if (!session) throw new NotFound('This session');
  return session;
}

export async function createSession(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  body: CreateSessionBody,
): Promise<SessionRow> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    await lockEvent(tx, eventId, 'share');
    const [session] = await tx
      .insert(eventSessions)
      .values({ eventId, title: body.title, colour: body.colour.toLowerCase(), createdAt: at, updatedAt: at })
      .returning();
    if (!session) throw new Error('session insert returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'added',
      summary: `Session "${session.title}" created`,
      after: { title: session.title, colour: session.colour },
      data: { sessionId: session.id },
    });
    return session;
  });
}

export async function updateSession(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  sessionId: number,
  body: UpdateSessionBody,
): Promise<SessionRow> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    await lockEvent(tx, eventId, 'share');
    const old = await lockSession(tx, eventId, sessionId);
    await assertVersion('session', old, body.version, () => presentSession(old));
    const next = { title: body.title, colour: body.colour?.toLowerCase() };
    const diff = changedFields(old, next);
    if (!diff) return old;
    const [session] = await tx
      .update(eventSessions)
      .set({ ...next, version: old.version + 1, updatedAt: at })
      .where(eq(eventSessions.id, sessionId))
      .returning();
    if (!session) throw new Error('session update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'changed',
      summary: `Session "${session.title}" changed`,
      ...diff,
      data: { sessionId },
    });
    return session;
  });
}

export async function deleteSession(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  sessionId: number,
  version: number | undefined,
): Promise<void> {
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const old = await lockSession(tx, eventId, sessionId);
    await assertVersion('session', old, version, () => presentSession(old));
    const blocks = await tx
      .select()
      .from(sessionBlocks)
      .where(and(eq(sessionBlocks.sessionId, sessionId), isNull(sessionBlocks.deletedAt)))
      .for('update');
    await deleteBlocks(tx, {
      event,
      blocks,
      reason: 'sessionDeleted',
      actor,
      at,
      hooks: deps.extensions.hooks,
    });
    const [session] = await tx
      .update(eventSessions)
      .set({ deletedAt: at, updatedAt: at, version: old.version + 1 })
      .where(eq(eventSessions.id, sessionId))
      .returning();
    if (!session) throw new Error('session update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'removed',
      summary: `Session "${old.title}" deleted`,
      before: { title: old.title, colour: old.colour },
      data: { sessionId, blockIds: blocks.map((b) => b.id) },
    });
    await deps.extensions.hooks.emit('sessionDeleted', {
      tx,
      actor,
      at,
      event,
      session,
      blockIds: blocks.map((b) => b.id),
    });
  });
}
