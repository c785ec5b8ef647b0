// Read side: the event page, contribution and block pages, and the event lists. Each runs a fixed number
// of queries whatever the size of the event (no query per row).
import { and, asc, desc, eq, gt, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { BlockPage, ContributionPage, EventList, EventPage } from '../../contracts/events';
import type { SessionUser } from '../auth/sessions';
import { NotFound } from '../errors';
import { allOf, type DbOrTx, inTurn, type Viewer } from './db-types';
import type { DisplayExtensions } from './display-extensions';
import type { EventAccess } from './permissions';
import { isManagerSql, visibleEventsWhere } from './permissions';
import {
  groupBy,
  presentBlock,
  presentContribution,
  presentEvent,
  presentEventSummary,
  presentSession,
} from './present';
import {
  contributionSpeakers,
  contributions,
  eventManagers,
  eventSessions,
  events,
  sessionBlocks,
} from './schema';

const liveContribution = isNull(contributions.deletedAt);

function speakersOfEvent(db: DbOrTx, eventId: number) {
  return db
    .select({ speaker: contributionSpeakers })
    .from(contributionSpeakers)
    .innerJoin(contributions, eq(contributions.id, contributionSpeakers.contributionId))
    .where(and(eq(contributions.eventId, eventId), liveContribution))
    .orderBy(asc(contributionSpeakers.contributionId), asc(contributionSpeakers.position));
}

/**
 * Everything the event page shows, in five queries (the access check included), plus a fixed number per
 * display extension.
 */
export async function loadEventPage(
  db: DbOrTx,
  displays: DisplayExtensions,
  access: EventAccess,
  viewer: SessionUser | undefined,
): Promise<EventPage> {
  const { event } = access;
  const [sessionRows, blockRows, contributionRows, speakerRows] = await inTurn(
    db
      .select()
      .from(eventSessions)
      .where(and(eq(eventSessions.eventId, event.id), isNull(eventSessions.deletedAt)))
      .orderBy(asc(eventSessions.title), asc(eventSessions.id)),
    db
      .select()
      .from(sessionBlocks)
      .where(and(eq(sessionBlocks.eventId, event.id), isNull(sessionBlocks.deletedAt)))
      .orderBy(asc(sessionBlocks.startAt), asc(sessionBlocks.id)),
    db
      .select()
      .from(contributions)
      .where(and(eq(contributions.eventId, event.id), liveContribution))
      .orderBy(sql`${contributions.startAt} ASC NULLS LAST`, asc(contributions.id)),
    speakersOfEvent(db, event.id),
  );
  const ctx = {
    timezone: event.timezone,
    sessionOfBlock: new Map(blockRows.map((b) => [b.id, b.sessionId])),
    speakersOf: groupBy(
      speakerRows.map((r) => r.speaker),
      (s) => s.contributionId,
    ),
    showEmails: access.isManager,
  };
  const extensions = await displays.load({
    db,
    event,
    viewer,
    access,
    page: 'event',
    idLists: { contributionIds: contributionRows.map((c) => c.id), blockIds: blockRows.map((b) => b.id) },
  });
  return {
    event: presentEvent(event, { manage: access.isManager }),
    sessions: sessionRows.map(presentSession),
    blocks: blockRows.map((b) => presentBlock(b, event.timezone)),
    contributions: contributionRows.map((c) => presentContribution(c, ctx)),
    extensions,
  };
}

export async function loadContributionPage(
  db: DbOrTx,
  displays: DisplayExtensions,
  access: EventAccess,
  contributionId: number,
  viewer: SessionUser | undefined,
): Promise<ContributionPage> {
  const { event } = access;
  const [rows, speakerRows] = await inTurn(
    db
      .select({ contribution: contributions, block: sessionBlocks, session: eventSessions })
      .from(contributions)
      .leftJoin(sessionBlocks, eq(sessionBlocks.id, contributions.blockId))
      .leftJoin(eventSessions, eq(eventSessions.id, sessionBlocks.sessionId))
      .where(and(eq(contributions.id, contributionId), eq(contributions.eventId, event.id), liveContribution))
      .limit(1),
    db
      .select()
      .from(contributionSpeakers)
      .where(eq(contributionSpeakers.contributionId, contributionId))
      .orderBy(asc(contributionSpeakers.position)),
  );
  const row = rows[0];
  if (!row) throw new NotFound('This contribution');
  const ctx = {
    timezone: event.timezone,
    sessionOfBlock: new Map(row.block ? [[row.block.id, row.block.sessionId]] : []),
    speakersOf: new Map([[contributionId, speakerRows]]),
    showEmails: access.isManager,
  };
  const extensions = await displays.load({
    db,
    event,
    viewer,
    access,
    page: 'contribution',
    idLists: { contributionIds: [contributionId], blockIds: row.block ? [row.block.id] : [] },
  });
  return {
    event: presentEventSummary(event, { manage: access.isManager }),
    contribution: presentContribution(row.contribution, ctx),
    block: row.block ? presentBlock(row.block, event.timezone) : null,
    session: row.session ? presentSession(row.session) : null,
    extensions,
  };
}

export async function loadBlockPage(
  db: DbOrTx,
  displays: DisplayExtensions,
  access: EventAccess,
  blockId: number,
  viewer: SessionUser | undefined,
): Promise<BlockPage> {
  const { event } = access;
  const inBlock = and(eq(contributions.blockId, blockId), liveContribution);
  const [rows, contributionRows, speakerRows] = await inTurn(
    db
      .select({ block: sessionBlocks, session: eventSessions })
      .from(sessionBlocks)
      .innerJoin(eventSessions, eq(eventSessions.id, sessionBlocks.sessionId))
      .where(
        and(
          eq(sessionBlocks.id, blockId),
          eq(sessionBlocks.eventId, event.id),
          isNull(sessionBlocks.deletedAt),
        ),
      )
      .limit(1),
    db.select().from(contributions).where(inBlock).orderBy(asc(contributions.startAt), asc(contributions.id)),
    db
      .select({ speaker: contributionSpeakers })
      .from(contributionSpeakers)
      .innerJoin(contributions, eq(contributions.id, contributionSpeakers.contributionId))
      .where(inBlock)
      .orderBy(asc(contributionSpeakers.contributionId), asc(contributionSpeakers.position)),
  );
  const row = rows[0];
  if (!row) throw new NotFound('This session block');
  const ctx = {
    timezone: event.timezone,
    sessionOfBlock: new Map([[row.block.id, row.block.sessionId]]),
    speakersOf: groupBy(
      speakerRows.map((r) => r.speaker),
      (s) => s.contributionId,
    ),
    showEmails: access.isManager,
  };
  const extensions = await displays.load({
    db,
    event,
    viewer,
    access,
    page: 'block',
    idLists: { contributionIds: contributionRows.map((c) => c.id), blockIds: [blockId] },
  });
  return {
    event: presentEventSummary(event, { manage: access.isManager }),
    block: presentBlock(row.block, event.timezone),
    session: presentSession(row.session),
    contributions: contributionRows.map((c) => presentContribution(c, ctx)),
    extensions,
  };
}

export const LIST_PAGE_SIZE = 20;

/** `%` and `_` in a search are literal characters, not patterns. */
const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

async function pageOfEvents(
  db: DbOrTx,
  viewer: Viewer,
  where: SQL,
  order: SQL[],
  page: number,
): Promise<EventList> {
  const [rows, [count]] = await inTurn(
    db
      .select({ event: events, isManager: isManagerSql(db, viewer) })
      .from(events)
      .where(where)
      .orderBy(...order)
      .limit(LIST_PAGE_SIZE)
      .offset((page - 1) * LIST_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(events)
      .where(where),
  );
  return {
    items: rows.map((r) => presentEventSummary(r.event, { manage: r.isManager })),
    page,
    pageSize: LIST_PAGE_SIZE,
    total: count?.total ?? 0,
  };
}

/** Events the viewer may see; upcoming ones (not yet ended) soonest first, else the newest first. */
export function listEvents(
  db: DbOrTx,
  viewer: Viewer,
  filter: { upcoming: boolean; q: string | undefined; page: number; now: Date },
): Promise<EventList> {
  const conditions: SQL[] = [visibleEventsWhere(db, viewer)];
  if (filter.upcoming) conditions.push(gt(events.endAt, filter.now));
  if (filter.q) conditions.push(ilike(events.title, `%${escapeLike(filter.q)}%`));
  const order = filter.upcoming
    ? [asc(events.startAt), asc(events.id)]
    : [desc(events.startAt), desc(events.id)];
  return pageOfEvents(db, viewer, allOf(...conditions), order, filter.page);
}

/** Events the user is listed as a manager of (admins included only where listed). */
export function listManagedEvents(db: DbOrTx, user: NonNullable<Viewer>, page: number): Promise<EventList> {
  const managed = inArray(
    events.id,
    db.select({ id: eventManagers.eventId }).from(eventManagers).where(eq(eventManagers.userId, user.id)),
  );
  return pageOfEvents(
    db,
    user,
    allOf(isNull(events.deletedAt), managed),
    [desc(events.startAt), desc(events.id)],
    page,
  );
}
