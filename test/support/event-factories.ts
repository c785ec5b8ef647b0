// Factories for events and their timetable: each creates the parents it lacks (an event needs a creator,
// a block a session, …). Rows go straight into the database; the API is what tests exercise.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import {
  type BlockRow,
  type ContributionRow,
  contributionSpeakers,
  contributions,
  type EventRow,
  eventAllowedUsers,
  eventManagers,
  eventSessions,
  events,
  type SessionRow,
  sessionBlocks,
} from '../../src/server/events/schema';
import { type MadeUser, makeUser } from './factories';

export const HOUR = 3_600_000;

export interface MadeEvent extends EventRow {
  creator: MadeUser;
}

/** An event of 2030-06-01 08:00 to 2030-06-03 18:00 UTC in Europe/Zurich, managed by its creator. */
export async function makeEvent(
  db: Db,
  opts: {
    creator?: MadeUser;
    title?: string;
    description?: string;
    start?: Date;
    end?: Date;
    timezone?: string;
    protectionMode?: EventRow['protectionMode'];
    managers?: MadeUser[];
    allowedUsers?: MadeUser[];
  } = {},
): Promise<MadeEvent> {
  const creator = opts.creator ?? (await makeUser(db));
  const startAt = opts.start ?? new Date('2030-06-01T08:00:00Z');
  const [event] = await db
    .insert(events)
    .values({
      title: opts.title ?? 'Workshop on things',
      description: opts.description ?? '',
      startAt,
      endAt: opts.end ?? new Date(startAt.getTime() + 58 * HOUR),
      timezone: opts.timezone ?? 'Europe/Zurich',
      protectionMode: opts.protectionMode ?? 'public',
      createdById: creator.id,
    })
    .returning();
  if (!event) throw new Error('event insert returned nothing');
  const managerIds = new Set([creator.id, ...(opts.managers ?? []).map((m) => m.id)]);
  await db.insert(eventManagers).values([...managerIds].map((userId) => ({ eventId: event.id, userId })));
  if (opts.allowedUsers?.length) {
    await db
      .insert(eventAllowedUsers)
      .values(opts.allowedUsers.map((u) => ({ eventId: event.id, userId: u.id })));
  }
  return { ...event, creator };
}

export async function makeSession(
  db: Db,
  opts: { event?: EventRow; title?: string; colour?: string } = {},
): Promise<SessionRow & { event: EventRow }> {
  const event = opts.event ?? (await makeEvent(db));
  const [session] = await db
    .insert(eventSessions)
    .values({ eventId: event.id, title: opts.title ?? 'Morning session', colour: opts.colour ?? '#336699' })
    .returning();
  if (!session) throw new Error('session insert returned nothing');
  return { ...session, event };
}

/** A block of its session's event, by default from one hour after the event's start, for two hours. */
export async function makeBlock(
  db: Db,
  opts: {
    event?: EventRow;
    session?: SessionRow;
    start?: Date;
    durationMinutes?: number;
    title?: string;
  } = {},
): Promise<BlockRow & { event: EventRow }> {
  let event = opts.event;
  let session = opts.session;
  if (!session) {
    const made = await makeSession(db, event ? { event } : {});
    session = made;
    event ??= made.event;
  }
  event ??= await eventOf(db, session.eventId);
  const [block] = await db
    .insert(sessionBlocks)
    .values({
      eventId: event.id,
      sessionId: session.id,
      title: opts.title ?? '',
      startAt: opts.start ?? new Date(event.startAt.getTime() + HOUR),
      durationMinutes: opts.durationMinutes ?? 120,
    })
    .returning();
  if (!block) throw new Error('block insert returned nothing');
  return { ...block, event };
}

/**
 * A contribution: inside `block` (at its start) when given, else at the event's start; `start: null`
 * makes it unscheduled. Speakers are names, or users.
 */
export async function makeContribution(
  db: Db,
  opts: {
    event?: EventRow;
    block?: BlockRow;
    start?: Date | null;
    durationMinutes?: number;
    title?: string;
    speakers?: Array<string | MadeUser>;
  } = {},
): Promise<ContributionRow & { event: EventRow }> {
  const event = opts.event ?? (opts.block ? await eventOf(db, opts.block.eventId) : await makeEvent(db));
  const startAt = opts.start === undefined ? (opts.block?.startAt ?? event.startAt) : opts.start;
  const [contribution] = await db
    .insert(contributions)
    .values({
      eventId: event.id,
      blockId: opts.block?.id ?? null,
      title: opts.title ?? 'A talk',
      startAt,
      durationMinutes: opts.durationMinutes ?? 20,
    })
    .returning();
  if (!contribution) throw new Error('contribution insert returned nothing');
  if (opts.speakers?.length) {
    await db
      .insert(contributionSpeakers)
      .values(
        opts.speakers.map((s, position) =>
          typeof s === 'string'
            ? { contributionId: contribution.id, position, name: s, email: '' }
            : { contributionId: contribution.id, position, userId: s.id, name: s.name, email: s.email },
        ),
      );
  }
  return { ...contribution, event };
}

async function eventOf(db: Db, eventId: number): Promise<EventRow> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new Error(`no event ${eventId}`);
  return event;
}
