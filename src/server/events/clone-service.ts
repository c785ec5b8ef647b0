// Cloning an event: the core copy (event, managers, protection, timetable), then the modules' clone steps,
// then the eventCloned hook, all in one transaction. Everything time-bound moves by the start's delta.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CloneBody, CloneOptions } from '../../contracts/events';
import { ValidationFailed } from '../errors';
import { type CloneStep, type CloneSteps, CORE_CLONE_OPTIONS } from './clone-steps';
import { assertMayCreateEvents } from './creators';
import type { DbOrTx } from './db-types';
import type { Acting, ServiceDeps } from './events-service';
import type { CloneIdMaps } from './hooks';
import { writeEventLogs } from './log';
import {
  contributionSpeakers,
  contributions,
  type EventRow,
  eventAllowedUsers,
  eventManagers,
  eventSessions,
  events,
  sessionBlocks,
} from './schema';
import { shiftDate } from './time';
import { lockEvent } from './write-helpers';

async function availableSteps(
  db: DbOrTx,
  steps: CloneSteps,
  source: EventRow,
): Promise<Array<{ step: CloneStep; available: boolean }>> {
  const result = [];
  // One call per registered module (a handful), not per row.
  for (const step of steps.all()) result.push({ step, available: await step.isAvailable({ db, source }) });
  return result;
}

export async function listCloneOptions(
  db: DbOrTx,
  steps: CloneSteps,
  source: EventRow,
): Promise<CloneOptions> {
  const modules = await availableSteps(db, steps, source);
  return {
    options: [
      ...CORE_CLONE_OPTIONS.map((o) => ({ ...o, available: true, core: true })),
      ...modules.map(({ step, available }) => ({
        id: step.id,
        label: step.label,
        defaultOn: step.defaultOn,
        available,
        core: false,
      })),
    ],
  };
}

/** Every option's value: as asked, else its default; unknown or unavailable options asked for are refused. */
function resolveOptions(asked: Record<string, boolean>, offered: CloneOptions): Record<string, boolean> {
  const known = new Map(offered.options.map((o) => [o.id, o]));
  for (const [id, on] of Object.entries(asked)) {
    const option = known.get(id);
    if (!option) throw ValidationFailed.field(`options.${id}`, 'is not a clone option');
    if (on && !option.available)
      throw ValidationFailed.field(`options.${id}`, 'is not available for this event');
  }
  return Object.fromEntries(offered.options.map((o) => [o.id, o.available && (asked[o.id] ?? o.defaultOn)]));
}

/** Inserts in slices, keeping each statement under PostgreSQL's 65535 parameters. */
async function insertInSlices<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

/** New ids taken from a table's sequence up front, so old → new maps need no per-row round trip. */
async function allocateIds(tx: DbOrTx, table: string, n: number): Promise<number[]> {
  if (!n) return [];
  const result = await tx.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${n})`,
  );
  return result.rows.map((r) => r.id);
}

function mapIds(oldIds: number[], newIds: number[]): Map<number, number> {
  return new Map(oldIds.map((id, i) => [id, newIds[i] ?? 0]));
}

async function copyTimetable(tx: DbOrTx, source: EventRow, target: EventRow, shiftMs: number, at: Date) {
  const sessions = await tx
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.eventId, source.id), isNull(eventSessions.deletedAt)));
  const blocks = await tx
    .select()
    .from(sessionBlocks)
    .where(and(eq(sessionBlocks.eventId, source.id), isNull(sessionBlocks.deletedAt)));
  const contribs = await tx
    .select()
    .from(contributions)
    .where(and(eq(contributions.eventId, source.id), isNull(contributions.deletedAt)));
  const speakers = (
    await tx
      .select({ speaker: contributionSpeakers })
      .from(contributionSpeakers)
      .innerJoin(contributions, eq(contributions.id, contributionSpeakers.contributionId))
      .where(and(eq(contributions.eventId, source.id), isNull(contributions.deletedAt)))
  ).map((r) => r.speaker);
  const idMaps: CloneIdMaps = {
    sessions: mapIds(
      sessions.map((s) => s.id),
      await allocateIds(tx, 'event_sessions', sessions.length),
    ),
    blocks: mapIds(
      blocks.map((b) => b.id),
      await allocateIds(tx, 'session_blocks', blocks.length),
    ),
    contributions: mapIds(
      contribs.map((c) => c.id),
      await allocateIds(tx, 'contributions', contribs.length),
    ),
  };
  const fresh = { eventId: target.id, createdAt: at, updatedAt: at };
  await insertInSlices(sessions, (slice) =>
    tx
      .insert(eventSessions)
      .values(
        slice.map((s) => ({ ...fresh, id: idMaps.sessions.get(s.id), title: s.title, colour: s.colour })),
      ),
  );
  const liveBlocks = blocks.filter((b) => idMaps.sessions.has(b.sessionId));
  await insertInSlices(liveBlocks, (slice) =>
    tx.insert(sessionBlocks).values(
      slice.map((b) => ({
        ...fresh,
        id: idMaps.blocks.get(b.id),
        sessionId: idMaps.sessions.get(b.sessionId) ?? 0,
        title: b.title,
        startAt: shiftDate(b.startAt, shiftMs),
        durationMinutes: b.durationMinutes,
      })),
    ),
  );
  await insertInSlices(contribs, (slice) =>
    tx.insert(contributions).values(
      slice.map((c) => ({
        ...fresh,
        id: idMaps.contributions.get(c.id),
        blockId: c.blockId !== null ? (idMaps.blocks.get(c.blockId) ?? null) : null,
        title: c.title,
        description: c.description,
        startAt: c.startAt ? shiftDate(c.startAt, shiftMs) : null,
        durationMinutes: c.durationMinutes,
      })),
    ),
  );
  await insertInSlices(speakers, (slice) =>
    tx.insert(contributionSpeakers).values(
      slice.map(({ id: _id, ...s }) => ({
        ...s,
        contributionId: idMaps.contributions.get(s.contributionId) ?? 0,
      })),
    ),
  );
  return idMaps;
}

async function copyMembers(
  tx: DbOrTx,
  sourceId: number,
  target: EventRow,
  actor: Acting,
  options: Record<string, boolean>,
  at: Date,
) {
  const managers = options.managers
    ? await tx
        .select({ userId: eventManagers.userId })
        .from(eventManagers)
        .where(eq(eventManagers.eventId, sourceId))
    : [];
  const managerIds = new Set([actor.id, ...managers.map((m) => m.userId)]);
  await tx
    .insert(eventManagers)
    .values([...managerIds].map((userId) => ({ eventId: target.id, userId, createdAt: at })));
  if (!options.protection) return;
  const allowed = await tx
    .select({ userId: eventAllowedUsers.userId })
    .from(eventAllowedUsers)
    .where(eq(eventAllowedUsers.eventId, sourceId));
  await insertInSlices(allowed, (slice) =>
    tx
      .insert(eventAllowedUsers)
      .values(slice.map((a) => ({ eventId: target.id, userId: a.userId, createdAt: at }))),
  );
}

export async function cloneEvent(
  deps: ServiceDeps,
  actor: Acting,
  sourceId: number,
  body: CloneBody,
): Promise<{ event: EventRow; notices: string[] }> {
  await assertMayCreateEvents(deps.db, actor);
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const source = await lockEvent(tx, sourceId, 'share');
    const offered = await listCloneOptions(tx, deps.extensions.cloneSteps, source);
    const options = resolveOptions(body.options, offered);
    const startAt = new Date(body.startDate);
    const shiftMs = startAt.getTime() - source.startAt.getTime();
    const [event] = await tx
      .insert(events)
      .values({
        title: body.title ?? source.title,
        description: source.description,
        startAt,
        endAt: shiftDate(source.endAt, shiftMs),
        timezone: source.timezone,
        location: source.location,
        roomName: source.roomName,
        // Without the protection option the clone gets the default mode, like a new event.
        protectionMode: options.protection ? source.protectionMode : 'public',
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!event) throw new Error('event insert returned nothing');
    await copyMembers(tx, source.id, event, actor, options, at);
    const idMaps = options.timetable
      ? await copyTimetable(tx, source, event, shiftMs, at)
      : { sessions: new Map(), blocks: new Map(), contributions: new Map() };
    await writeEventLogs(tx, [
      {
        eventId: event.id,
        actorId: actor.id,
        at,
        module: 'event',
        kind: 'added',
        summary: `Event created as a clone of "${source.title}"`,
        after: { title: event.title, start: event.startAt, end: event.endAt, timezone: event.timezone },
        data: { sourceEventId: source.id, options },
      },
      {
        eventId: source.id,
        actorId: actor.id,
        at,
        module: 'event',
        kind: 'other',
        summary: `Event cloned into "${event.title}"`,
        data: { clonedEventId: event.id, options },
      },
    ]);
    const notices: string[] = [];
    for (const step of deps.extensions.cloneSteps.all()) {
      if (!options[step.id]) continue;
      const result = await step.run({ tx, source, event, idMaps, options, actor, at, shiftMs });
      if (result) notices.push(...result.notices);
    }
    await deps.extensions.hooks.emit('eventCloned', { tx, actor, at, event, source, idMaps, options });
    return { event, notices };
  });
}
