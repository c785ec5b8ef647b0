// Who may see and manage an event. Other modules (videoconference) use these rather than re-deriving the rules.
// Permission lives in the query: one round trip loads the event with the viewer's relation to it.
import { and, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { Forbidden, NotFound, Unauthenticated } from '../errors';
import { allOf, type DbOrTx, type Viewer } from './db-types';
import { type EventRow, eventAllowedUsers, eventManagers, events } from './schema';

export interface EventAccess {
  event: EventRow;
  /** An admin, or listed among the event's managers. */
  isManager: boolean;
  canView: boolean;
}

function managerExists(db: DbOrTx, userId: number): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(eventManagers)
      .where(and(eq(eventManagers.eventId, events.id), eq(eventManagers.userId, userId))),
  );
}

function allowedExists(db: DbOrTx, userId: number): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(eventAllowedUsers)
      .where(and(eq(eventAllowedUsers.eventId, events.id), eq(eventAllowedUsers.userId, userId))),
  );
}

/** SQL: is the viewer a manager of the row of `events` in scope (admins count as managers)? */
export function isManagerSql(db: DbOrTx, viewer: Viewer): SQL<boolean> {
  if (!viewer) return sql<boolean>`false`;
  if (viewer.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`${managerExists(db, viewer.id)}`;
}

/** SQL filter on `events`: live events the viewer may see. Lists use it so a hidden event is never loaded. */
export function visibleEventsWhere(db: DbOrTx, viewer: Viewer): SQL {
  const live = isNull(events.deletedAt);
  if (viewer?.isAdmin) return live;
  if (!viewer) return allOf(live, eq(events.protectionMode, 'public'));
  return allOf(
    live,
    or(
      inArray(events.protectionMode, ['public', 'logged_in']),
      managerExists(db, viewer.id),
      allowedExists(db, viewer.id),
    ),
  );
}

function mayView(event: EventRow, viewer: Viewer, isManager: boolean, isAllowed: boolean): boolean {
  if (isManager || event.protectionMode === 'public') return true;
  if (event.protectionMode === 'logged_in') return viewer !== undefined;
  return isAllowed;
}

/** The live event and the viewer's relation to it, or undefined when it does not exist or is deleted. */
export async function loadEventAccess(
  db: DbOrTx,
  eventId: number,
  viewer: Viewer,
): Promise<EventAccess | undefined> {
  const [row] = await db
    .select({
      event: events,
      isManager: isManagerSql(db, viewer),
      isAllowed: viewer ? sql<boolean>`${allowedExists(db, viewer.id)}` : sql<boolean>`false`,
    })
    .from(events)
    .where(and(eq(events.id, eventId), isNull(events.deletedAt)))
    .limit(1);
  if (!row) return undefined;
  return {
    event: row.event,
    isManager: row.isManager,
    canView: mayView(row.event, viewer, row.isManager, row.isAllowed),
  };
}

/**
 * The event if the viewer may see it. Anonymous visitors of a `logged_in` event get 401 (the client offers
 * login); anyone else who may not see it gets 404, exactly as for a missing or deleted event.
 */
export async function loadEventForViewer(db: DbOrTx, eventId: number, viewer: Viewer): Promise<EventAccess> {
  const access = await loadEventAccess(db, eventId, viewer);
  if (access?.canView) return access;
  if (access && !viewer && access.event.protectionMode === 'logged_in') {
    throw new Unauthenticated('Please log in to see this event.');
  }
  throw new NotFound('This event');
}

export async function canManageEvent(db: DbOrTx, eventId: number, viewer: Viewer): Promise<boolean> {
  if (!viewer) return false;
  const access = await loadEventAccess(db, eventId, viewer);
  return access?.isManager ?? false;
}

/**
 * For management routes: anonymous → 401; missing, deleted or not visible → 404; visible but not a
 * manager → 403. Returns the access so the route need not load the event again.
 */
export async function assertCanManageEvent(
  db: DbOrTx,
  eventId: number,
  viewer: Viewer,
): Promise<EventAccess> {
  if (!viewer) throw new Unauthenticated();
  const access = await loadEventForViewer(db, eventId, viewer);
  if (!access.isManager) throw new Forbidden('Only the managers of this event may do this.');
  return access;
}
