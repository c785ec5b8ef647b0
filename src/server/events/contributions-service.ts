// Contributions: scheduled (inside the event, or inside one of its session blocks) or unscheduled.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type {
  Contribution,
  CreateContributionBody,
  SpeakerInput,
  UpdateContributionBody,
} from '../../contracts/events';
import { NotFound, ValidationFailed } from '../errors';
import type { DbOrTx } from './db-types';
import type { Acting, ServiceDeps } from './events-service';
import { changedFields, writeEventLog } from './log';
import { presentContribution } from './present';
import {
  type ContributionRow,
  contributionSpeakers,
  contributions,
  type EventRow,
  type SpeakerRow,
  sessionBlocks,
} from './schema';
import { addMinutes, sameInstant } from './time';
import { assertInside, assertVersion, findUsers, lockEvent } from './write-helpers';

const FIELDS = { start: 'start', duration: 'durationMinutes' };

interface Placement {
  startAt: Date | null;
  blockId: number | null;
  durationMinutes: number;
}

/**
 * Where the contribution ends up, checked: inside its block when it has one, else inside the event.
 * Unscheduling (start null) also takes it out of its block.
 */
async function resolvePlacement(
  tx: DbOrTx,
  event: EventRow,
  current: Placement,
  body: { start?: string | null; blockId?: number | null; durationMinutes?: number },
): Promise<Placement & { blockSessionId: number | null }> {
  const startAt =
    body.start === undefined ? current.startAt : body.start === null ? null : new Date(body.start);
  const durationMinutes = body.durationMinutes ?? current.durationMinutes;
  const blockId = body.blockId !== undefined ? body.blockId : startAt === null ? null : current.blockId;
  if (blockId === null) {
    if (startAt) assertInside(FIELDS, startAt, durationMinutes, event, 'event');
    return { startAt, blockId, durationMinutes, blockSessionId: null };
  }
  if (startAt === null)
    throw ValidationFailed.field('start', 'a contribution inside a session block needs a start');
  // FOR SHARE: the block cannot move or shrink until this transaction ends.
  const [block] = await tx
    .select()
    .from(sessionBlocks)
    .where(
      and(
        eq(sessionBlocks.id, blockId),
        eq(sessionBlocks.eventId, event.id),
        isNull(sessionBlocks.deletedAt),
      ),
    )
    .for('share');
  if (!block) throw ValidationFailed.field('blockId', 'is not a session block of this event');
  const span = { startAt: block.startAt, endAt: addMinutes(block.startAt, block.durationMinutes) };
  assertInside(FIELDS, startAt, durationMinutes, span, 'session block');
  return { startAt, blockId, durationMinutes, blockSessionId: block.sessionId };
}

type SpeakerValues = Omit<SpeakerRow, 'id'>;

/** Checks the speakers; one given as a user gets that user's name and primary e-mail. */
async function resolveSpeakers(
  tx: DbOrTx,
  contributionId: number,
  inputs: SpeakerInput[],
): Promise<SpeakerValues[]> {
  const users = await findUsers(
    tx,
    inputs.flatMap((s) => (s.userId !== undefined ? [s.userId] : [])),
  );
  return inputs.map((s, position) => {
    if (s.userId === undefined)
      return { contributionId, position, userId: null, name: s.name ?? '', email: s.email ?? '' };
    const user = users.get(s.userId);
    if (!user) throw ValidationFailed.field(`speakers.${position}.userId`, `no user has the id ${s.userId}`);
    return { contributionId, position, userId: user.id, name: user.name, email: user.email };
  });
}

async function writeSpeakers(
  tx: DbOrTx,
  contributionId: number,
  values: SpeakerValues[],
): Promise<SpeakerRow[]> {
  await tx.delete(contributionSpeakers).where(eq(contributionSpeakers.contributionId, contributionId));
  return values.length ? tx.insert(contributionSpeakers).values(values).returning() : [];
}

async function loadSpeakers(tx: DbOrTx, contributionId: number): Promise<SpeakerRow[]> {
  return tx
    .select()
    .from(contributionSpeakers)
    .where(eq(contributionSpeakers.contributionId, contributionId))
    .orderBy(asc(contributionSpeakers.position));
}

function present(
  c: ContributionRow,
  speakers: SpeakerRow[],
  event: EventRow,
  sessionId: number | null,
): Contribution {
  return presentContribution(c, {
    timezone: event.timezone,
    sessionOfBlock: new Map(c.blockId !== null && sessionId !== null ? [[c.blockId, sessionId]] : []),
    speakersOf: new Map([[c.id, speakers]]),
    showEmails: true,
  });
}

/** The stored contribution as its editor sees it (the current item of a 409). */
async function presentStored(tx: DbOrTx, c: ContributionRow, event: EventRow): Promise<Contribution> {
  const speakers = await loadSpeakers(tx, c.id);
  const [block] = c.blockId
    ? await tx.select().from(sessionBlocks).where(eq(sessionBlocks.id, c.blockId))
    : [];
  return present(c, speakers, event, block?.sessionId ?? null);
}

const logFields = (
  c: Pick<ContributionRow, 'title' | 'description' | 'startAt' | 'durationMinutes' | 'blockId'>,
  speakers: Pick<SpeakerRow, 'userId' | 'name' | 'email'>[],
) => ({
  title: c.title,
  description: c.description,
  start: c.startAt,
  durationMinutes: c.durationMinutes,
  blockId: c.blockId,
  speakers: speakers.map((s) => ({ userId: s.userId, name: s.name, email: s.email })),
});

async function lockContribution(
  tx: DbOrTx,
  eventId: number,
  contributionId: number,
): Promise<ContributionRow> {
  const [row] = await tx
    .select()
    .from(contributions)
    .where(
      and(
        eq(contributions.id, contributionId),
        eq(contributions.eventId, eventId),
        isNull(contributions.deletedAt),
      ),
    )
    .for('update');
  if (!row) throw new NotFound('This contribution');
  return row;
}

export async function createContribution(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  body: CreateContributionBody,
): Promise<Contribution> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const place = await resolvePlacement(
      tx,
      event,
      { startAt: null, blockId: null, durationMinutes: body.durationMinutes },
      body,
    );
    const [row] = await tx
      .insert(contributions)
      .values({
        eventId,
        title: body.title,
        description: body.description,
        startAt: place.startAt,
        blockId: place.blockId,
        durationMinutes: place.durationMinutes,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!row) throw new Error('contribution insert returned nothing');
    const speakers = await writeSpeakers(tx, row.id, await resolveSpeakers(tx, row.id, body.speakers));
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'added',
      summary: `Contribution "${row.title}" created`,
      after: logFields(row, speakers),
      data: { contributionId: row.id },
    });
    return present(row, speakers, event, place.blockSessionId);
  });
}

export async function updateContribution(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  contributionId: number,
  body: UpdateContributionBody,
): Promise<Contribution> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const old = await lockContribution(tx, eventId, contributionId);
    await assertVersion('contribution', old, body.version, () => presentStored(tx, old, event));
    const oldSpeakers = await loadSpeakers(tx, contributionId);
    const place = await resolvePlacement(tx, event, old, body);
    const newSpeakers = body.speakers ? await resolveSpeakers(tx, contributionId, body.speakers) : undefined;
    const next = {
      title: body.title ?? old.title,
      description: body.description ?? old.description,
      startAt: place.startAt,
      blockId: place.blockId,
      durationMinutes: place.durationMinutes,
    };
    const diff = changedFields(logFields(old, oldSpeakers), logFields(next, newSpeakers ?? oldSpeakers));
    if (!diff) return present(old, oldSpeakers, event, place.blockSessionId);
    const [row] = await tx
      .update(contributions)
      .set({ ...next, version: old.version + 1, updatedAt: at })
      .where(eq(contributions.id, contributionId))
      .returning();
    if (!row) throw new Error('contribution update returned nothing');
    const speakers = newSpeakers ? await writeSpeakers(tx, contributionId, newSpeakers) : oldSpeakers;
    const unscheduled = old.startAt !== null && row.startAt === null;
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'changed',
      summary: `Contribution "${row.title}" ${unscheduled ? 'unscheduled' : 'changed'}`,
      ...diff,
      data: { contributionId },
    });
    if (unscheduled && old.startAt) {
      await deps.extensions.hooks.emit('contributionUnscheduled', {
        tx,
        actor,
        at,
        event,
        reason: 'edited',
        contributions: [{ contribution: row, before: { startAt: old.startAt, blockId: old.blockId } }],
      });
    } else if (
      row.startAt &&
      (!sameInstant(old.startAt, row.startAt) || old.durationMinutes !== row.durationMinutes)
    ) {
      await deps.extensions.hooks.emit('contributionTimesChanged', {
        tx,
        actor,
        at,
        event,
        contribution: row,
        before: { startAt: old.startAt, durationMinutes: old.durationMinutes },
      });
    }
    return present(row, speakers, event, place.blockSessionId);
  });
}

export async function deleteContribution(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  contributionId: number,
  version: number | undefined,
): Promise<void> {
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId, 'share');
    const old = await lockContribution(tx, eventId, contributionId);
    await assertVersion('contribution', old, version, () => presentStored(tx, old, event));
    const [row] = await tx
      .update(contributions)
      .set({ deletedAt: at, updatedAt: at, version: old.version + 1 })
      .where(eq(contributions.id, contributionId))
      .returning();
    if (!row) throw new Error('contribution update returned nothing');
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'timetable',
      kind: 'removed',
      summary: `Contribution "${old.title}" deleted`,
      before: { title: old.title, start: old.startAt, blockId: old.blockId },
      data: { contributionId },
    });
    await deps.extensions.hooks.emit('contributionDeleted', { tx, actor, at, event, contribution: row });
  });
}
