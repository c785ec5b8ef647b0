// Shared by the write services: row locks, optimistic-concurrency checks, user look-ups, bounds checks.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { userEmails, users } from '../auth/schema';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import type { DbOrTx } from './db-types';
import { type EventRow, events } from './schema';
import { addMinutes } from './time';

/**
 * Locks the live event row. Timetable writes take it FOR SHARE (they may run side by side), event edits
 * FOR UPDATE, so an edit of the event's dates never interleaves with a timetable change checked against
 * the old dates. Always lock the event before its children: one order, no deadlock.
 */
export async function lockEvent(tx: DbOrTx, eventId: number, mode: 'update' | 'share'): Promise<EventRow> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), isNull(events.deletedAt)))
    .for(mode);
  if (!row) throw new NotFound('This event');
  return row;
}

/** Refuses an edit made on a stale copy: 409 with the current item, so the client can show it. */
export async function assertVersion(
  what: string,
  row: { version: number },
  given: number | undefined,
  present: () => unknown,
): Promise<void> {
  if (given === undefined || given === row.version) return;
  throw new Conflict(`This ${what} was changed meanwhile by someone else: review it and try again.`, {
    details: { current: await present(), yourVersion: given },
  });
}

export interface UserInfo {
  id: number;
  name: string;
  email: string;
}

/** The users with these ids (with their primary e-mail), in one query. */
export async function findUsers(db: DbOrTx, ids: number[]): Promise<Map<number, UserInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: userEmails.email })
    .from(users)
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, email: r.email ?? '' }]));
}

/** The users, or 422 naming `field` and the ids that are not users. */
export async function requireUsers(db: DbOrTx, ids: number[], field: string): Promise<Map<number, UserInfo>> {
  const found = await findUsers(db, ids);
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length) {
    throw ValidationFailed.field(field, `no user has the id ${missing.join(', ')}`);
  }
  return found;
}

export interface Span {
  startAt: Date;
  endAt: Date;
}

/** 422 unless [start, start + minutes] lies inside `container`; `what` names the container in the message. */
export function assertInside(
  fields: { start: string; duration: string },
  startAt: Date,
  minutes: number,
  container: Span,
  what: string,
): void {
  if (startAt < container.startAt || startAt >= container.endAt) {
    throw ValidationFailed.field(fields.start, `must lie inside the ${what}`);
  }
  if (addMinutes(startAt, minutes) > container.endAt) {
    throw ValidationFailed.field(fields.duration, `makes it end after the ${what}`);
  }
}

/** How many live blocks and scheduled contributions of the event start before `span` or end after it. */
export async function countEntriesOutside(
  tx: DbOrTx,
  eventId: number,
  span: Span,
): Promise<{ early: number; late: number }> {
  const result = await tx.execute<{ early: string; late: string }>(sql`
    SELECT count(*) FILTER (WHERE start_at < ${span.startAt}) AS early,
           count(*) FILTER (WHERE start_at + duration_minutes * interval '1 minute' > ${span.endAt}) AS late
    FROM (
      SELECT start_at, duration_minutes FROM session_blocks WHERE event_id = ${eventId} AND deleted_at IS NULL
      UNION ALL
      SELECT start_at, duration_minutes FROM contributions
      WHERE event_id = ${eventId} AND deleted_at IS NULL AND start_at IS NOT NULL
    ) AS entries`);
  const row = result.rows[0];
  return { early: Number(row?.early ?? 0), late: Number(row?.late ?? 0) };
}
