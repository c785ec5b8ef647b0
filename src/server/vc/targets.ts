// Link targets: the whole event, one of its contributions or one of its session blocks. Checks what a form
// sends, describes targets for pages and for providers, and lists what the pickers offer.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { VcTarget, VcTargetInput, VcTargets } from '../../contracts/vc';
import { ValidationFailed } from '../errors';
import {
  addMinutes,
  contributions,
  type DbOrTx,
  type EventRow,
  eventSessions,
  sessionBlocks,
} from '../events';
import type { TargetInfo } from './provider';
import { vcRoomLinks, vcRooms } from './schema';

/** The target columns of a link row. */
export interface TargetColumns {
  linkedEventId: number | null;
  contributionId: number | null;
  blockId: number | null;
}

export interface ContributionFacts {
  id: number;
  title: string;
  startAt: Date | null;
  durationMinutes: number;
}

export interface BlockFacts {
  id: number;
  title: string;
  sessionTitle: string;
  startAt: Date;
  durationMinutes: number;
}

const contributionFacts = (db: DbOrTx) =>
  db
    .select({
      id: contributions.id,
      title: contributions.title,
      startAt: contributions.startAt,
      durationMinutes: contributions.durationMinutes,
    })
    .from(contributions);

const blockFacts = (db: DbOrTx) =>
  db
    .select({
      id: sessionBlocks.id,
      title: sessionBlocks.title,
      sessionTitle: eventSessions.title,
      startAt: sessionBlocks.startAt,
      durationMinutes: sessionBlocks.durationMinutes,
    })
    .from(sessionBlocks)
    .innerJoin(eventSessions, eq(eventSessions.id, sessionBlocks.sessionId));

/** A block is known by its session's title, and its own when it has one. */
export const blockTitle = (b: { title: string; sessionTitle: string }) =>
  b.title ? `${b.sessionTitle}: ${b.title}` : b.sessionTitle;

export interface ResolvedTarget {
  columns: TargetColumns;
  info: TargetInfo;
}

function eventInfo(event: EventRow): TargetInfo {
  return {
    target: { type: 'event', eventId: event.id },
    eventTitle: event.title,
    title: event.title,
    startAt: event.startAt,
    durationMinutes: Math.round((event.endAt.getTime() - event.startAt.getTime()) / 60_000),
    timezone: event.timezone,
  };
}

export function contributionInfo(event: EventRow, c: ContributionFacts): TargetInfo {
  return {
    target: { type: 'contribution', eventId: event.id, contributionId: c.id },
    eventTitle: event.title,
    title: c.title,
    startAt: c.startAt,
    durationMinutes: c.durationMinutes,
    timezone: event.timezone,
  };
}

export function blockInfo(event: EventRow, b: BlockFacts): TargetInfo {
  return {
    target: { type: 'block', eventId: event.id, blockId: b.id },
    eventTitle: event.title,
    title: blockTitle(b),
    startAt: b.startAt,
    durationMinutes: b.durationMinutes,
    timezone: event.timezone,
  };
}

/**
 * Checks a target the user chose: a live contribution or block of this very event, else 422 naming the
 * field. With `lock`, the row is locked FOR SHARE so that it cannot be deleted before the transaction ends.
 */
export async function resolveTarget(
  db: DbOrTx,
  event: EventRow,
  input: VcTargetInput,
  opts: { lock: boolean; field?: string },
): Promise<ResolvedTarget> {
  const prefix = opts.field ?? 'target';
  if (input.type === 'event') {
    return {
      columns: { linkedEventId: event.id, contributionId: null, blockId: null },
      info: eventInfo(event),
    };
  }
  if (input.type === 'contribution') {
    const query = contributionFacts(db).where(
      and(
        eq(contributions.id, input.contributionId),
        eq(contributions.eventId, event.id),
        isNull(contributions.deletedAt),
      ),
    );
    const [row] = opts.lock ? await query.for('share') : await query;
    if (!row) throw ValidationFailed.field(`${prefix}.contributionId`, 'is not a contribution of this event');
    return {
      columns: { linkedEventId: null, contributionId: row.id, blockId: null },
      info: contributionInfo(event, row),
    };
  }
  const query = blockFacts(db).where(
    and(
      eq(sessionBlocks.id, input.blockId),
      eq(sessionBlocks.eventId, event.id),
      isNull(sessionBlocks.deletedAt),
    ),
  );
  const [row] = opts.lock ? await query.for('share', { of: sessionBlocks }) : await query;
  if (!row) throw ValidationFailed.field(`${prefix}.blockId`, 'is not a session block of this event');
  return {
    columns: { linkedEventId: null, contributionId: null, blockId: row.id },
    info: blockInfo(event, row),
  };
}

export function targetInput(link: TargetColumns): VcTargetInput {
  if (link.contributionId !== null) return { type: 'contribution', contributionId: link.contributionId };
  if (link.blockId !== null) return { type: 'block', blockId: link.blockId };
  return { type: 'event' };
}

export const sameTarget = (a: TargetColumns, b: TargetColumns) =>
  a.linkedEventId === b.linkedEventId && a.contributionId === b.contributionId && a.blockId === b.blockId;

/** Facts of the contributions and blocks these links point at (deleted ones included), in two queries. */
export async function loadTargetFacts(
  db: DbOrTx,
  links: TargetColumns[],
): Promise<{ contributions: Map<number, ContributionFacts>; blocks: Map<number, BlockFacts> }> {
  const contributionIds = [
    ...new Set(links.flatMap((l) => (l.contributionId !== null ? [l.contributionId] : []))),
  ];
  const blockIds = [...new Set(links.flatMap((l) => (l.blockId !== null ? [l.blockId] : [])))];
  const contribRows = contributionIds.length
    ? await contributionFacts(db).where(inArray(contributions.id, contributionIds))
    : [];
  const blockRows = blockIds.length ? await blockFacts(db).where(inArray(sessionBlocks.id, blockIds)) : [];
  return {
    contributions: new Map(contribRows.map((c) => [c.id, c])),
    blocks: new Map(blockRows.map((b) => [b.id, b])),
  };
}

export function presentContributionTarget(c: ContributionFacts): VcTarget {
  return {
    type: 'contribution',
    id: c.id,
    title: c.title,
    start: c.startAt?.toISOString() ?? null,
    end: c.startAt ? addMinutes(c.startAt, c.durationMinutes).toISOString() : null,
    unscheduled: c.startAt === null,
  };
}

export function presentBlockTarget(b: BlockFacts): VcTarget {
  return {
    type: 'block',
    id: b.id,
    title: blockTitle(b),
    sessionTitle: b.sessionTitle,
    start: b.startAt.toISOString(),
    end: addMinutes(b.startAt, b.durationMinutes).toISOString(),
  };
}

export function presentTarget(
  event: EventRow,
  link: TargetColumns,
  facts: { contributions: Map<number, ContributionFacts>; blocks: Map<number, BlockFacts> },
): VcTarget {
  const c = link.contributionId !== null ? facts.contributions.get(link.contributionId) : undefined;
  if (c) return presentContributionTarget(c);
  const b = link.blockId !== null ? facts.blocks.get(link.blockId) : undefined;
  if (b) return presentBlockTarget(b);
  return { type: 'event', title: event.title };
}

/** The provider-facing description of a stored link's target. */
export function targetInfoOf(
  event: EventRow,
  link: TargetColumns,
  facts: { contributions: Map<number, ContributionFacts>; blocks: Map<number, BlockFacts> },
): TargetInfo {
  const c = link.contributionId !== null ? facts.contributions.get(link.contributionId) : undefined;
  if (c) return contributionInfo(event, c);
  const b = link.blockId !== null ? facts.blocks.get(link.blockId) : undefined;
  if (b) return blockInfo(event, b);
  return eventInfo(event);
}

/** Everything a room can be linked to in this event, with the room each contribution or block already has. */
export async function listTargets(db: DbOrTx, event: EventRow): Promise<VcTargets> {
  const linked = db
    .select({
      contributionId: vcRoomLinks.contributionId,
      blockId: vcRoomLinks.blockId,
      roomId: vcRooms.id,
      roomName: vcRooms.name,
    })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(and(eq(vcRoomLinks.eventId, event.id), sql`${vcRoomLinks.linkedEventId} IS NULL`));
  const contribRows = await db
    .select({ id: contributions.id, title: contributions.title, startAt: contributions.startAt })
    .from(contributions)
    .where(and(eq(contributions.eventId, event.id), isNull(contributions.deletedAt)))
    .orderBy(sql`${contributions.startAt} ASC NULLS LAST`, asc(contributions.title), asc(contributions.id));
  const blockRows = await blockFacts(db)
    .where(and(eq(sessionBlocks.eventId, event.id), isNull(sessionBlocks.deletedAt)))
    .orderBy(asc(sessionBlocks.startAt), asc(sessionBlocks.id));
  const links = await linked;
  const roomOfContribution = new Map<number, { id: number; name: string }>();
  const roomOfBlock = new Map<number, { id: number; name: string }>();
  for (const l of links) {
    const room = { id: l.roomId, name: l.roomName };
    if (l.contributionId !== null) roomOfContribution.set(l.contributionId, room);
    if (l.blockId !== null) roomOfBlock.set(l.blockId, room);
  }
  return {
    event: { id: event.id, title: event.title, timezone: event.timezone },
    contributions: contribRows.map((c) => ({
      id: c.id,
      title: c.title,
      start: c.startAt?.toISOString() ?? null,
      unscheduled: c.startAt === null,
      linkedRoom: roomOfContribution.get(c.id) ?? null,
    })),
    blocks: blockRows.map((b) => ({
      id: b.id,
      title: blockTitle(b),
      sessionTitle: b.sessionTitle,
      start: b.startAt.toISOString(),
      end: addMinutes(b.startAt, b.durationMinutes).toISOString(),
      linkedRoom: roomOfBlock.get(b.id) ?? null,
    })),
  };
}
