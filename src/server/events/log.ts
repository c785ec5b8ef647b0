// The event log: every change to an event, its timetable, protection or services, with who, when and what.
// Other modules (videoconference) write their entries with writeEventLog inside their own transaction.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { EventLog, LogKind } from '../../contracts/events';
import { users } from '../auth/schema';
import { type DbOrTx, inTurn } from './db-types';
import { eventLog } from './schema';

export interface EventLogInput {
  eventId: number;
  /** The acting user's id; null for the system (jobs, webhooks). */
  actorId: number | null;
  at: Date;
  /** The feature writing: 'event', 'timetable', 'protection', 'vc', … (the log's filter). */
  module: string;
  /** added: something new; removed: something gone; changed: edited; other: anything else. */
  kind: LogKind;
  /** One line a manager reads in the list, e.g. 'Contribution "Opening" moved'. */
  summary: string;
  /** The changed fields only, as JSON (Dates become ISO strings). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping: ids of the target, options… */
  data?: Record<string, unknown>;
}

export async function writeEventLog(tx: DbOrTx, entry: EventLogInput): Promise<void> {
  await writeEventLogs(tx, [entry]);
}

/** Several entries in one statement. */
export async function writeEventLogs(tx: DbOrTx, entries: EventLogInput[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(eventLog).values(
    entries.map((entry) => ({
      eventId: entry.eventId,
      actorId: entry.actorId,
      at: entry.at,
      module: entry.module,
      kind: entry.kind,
      summary: entry.summary,
      before: entry.before ?? null,
      after: entry.after ?? null,
      data: entry.data ?? {},
    })),
  );
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * The fields of `after` whose value differs from `before`, as the log's before/after pair;
 * undefined when nothing changed. Values of `after` that are undefined are ignored.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | undefined {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = comparable(before[key]);
    const now = comparable(value);
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    b[key] = old ?? null;
    a[key] = now ?? null;
  }
  return Object.keys(a).length ? { before: b, after: a } : undefined;
}

export const LOG_PAGE_SIZE = 50;

export async function listEventLog(
  db: DbOrTx,
  eventId: number,
  filter: { module?: string | undefined; page: number },
): Promise<EventLog> {
  const where = filter.module
    ? and(eq(eventLog.eventId, eventId), eq(eventLog.module, filter.module))
    : eq(eventLog.eventId, eventId);
  const [rows, [count], modules] = await inTurn(
    db
      .select({ entry: eventLog, actorName: users.name })
      .from(eventLog)
      .leftJoin(users, eq(users.id, eventLog.actorId))
      .where(where)
      .orderBy(desc(eventLog.at), desc(eventLog.id))
      .limit(LOG_PAGE_SIZE)
      .offset((filter.page - 1) * LOG_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(eventLog)
      .where(where),
    db
      .selectDistinct({ module: eventLog.module })
      .from(eventLog)
      .where(eq(eventLog.eventId, eventId))
      .orderBy(eventLog.module),
  );
  return {
    items: rows.map(({ entry, actorName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      module: entry.module,
      kind: entry.kind,
      summary: entry.summary,
      actor: entry.actorId !== null && actorName !== null ? { id: entry.actorId, name: actorName } : null,
      before: entry.before,
      after: entry.after,
      data: entry.data,
    })),
    modules: modules.map((m) => m.module),
    page: filter.page,
    pageSize: LOG_PAGE_SIZE,
    total: count?.total ?? 0,
  };
}
