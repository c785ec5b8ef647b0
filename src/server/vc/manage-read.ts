// Reads of Services → Videoconference: the event's links with their rooms, what the manager may do with
// each, and who else uses them. A fixed number of queries whatever the number of rooms.
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { EventRef, VcManagedRoom } from '../../contracts/vc';
import { users } from '../auth/schema';
import type { SessionUser } from '../auth/sessions';
import { NotFound } from '../errors';
import { type DbOrTx, type EventRow, events, visibleEventsWhere } from '../events';
import { linkDataOf, providerCtx, toProviderRoom, type Vc } from './context';
import { manageRoomSql, managerAbilities, statusOf, userRoomKeys } from './policy';
import { NO_DETAILS, presentDetails, providerRef } from './present';
import { type VcRoomLinkRow, type VcRoomRow, vcRoomLinks, vcRooms } from './schema';
import { loadTargetFacts, presentTarget } from './targets';

/** SQL: how many links the row of vc_rooms in scope has, across events. */
export function linkCountSql(db: DbOrTx): SQL<number> {
  return sql<number>`(${db
    .select({ n: sql`count(*)` })
    .from(vcRoomLinks)
    .where(eq(vcRoomLinks.roomId, vcRooms.id))})::int`;
}

export interface LinkWithRoom {
  link: VcRoomLinkRow;
  room: VcRoomRow;
  totalLinks: number;
}

/** One link of the event with its room; 404 when the link belongs to another event or does not exist. */
export async function loadLinkWithRoom(
  db: DbOrTx,
  eventId: number,
  linkId: number,
  opts: { lock?: boolean } = {},
): Promise<LinkWithRoom> {
  const query = db
    .select({ link: vcRoomLinks, room: vcRooms, totalLinks: linkCountSql(db) })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(and(eq(vcRoomLinks.id, linkId), eq(vcRoomLinks.eventId, eventId)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw new NotFound('This videoconference');
  return row;
}

/** Other events using these rooms (distinct), and whether the viewer may see each. */
export async function otherEventsOf(
  db: DbOrTx,
  roomIds: number[],
  exceptEventId: number | null,
  viewer: SessionUser,
): Promise<Map<number, { visible: EventRef[]; hidden: number }>> {
  const result = new Map<number, { visible: EventRef[]; hidden: number }>();
  if (!roomIds.length) return result;
  const rows = await db
    .selectDistinct({
      roomId: vcRoomLinks.roomId,
      id: events.id,
      title: events.title,
      visible: sql<boolean>`${visibleEventsWhere(db, viewer)}`,
    })
    .from(vcRoomLinks)
    .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
    .where(
      and(
        inArray(vcRoomLinks.roomId, roomIds),
        exceptEventId !== null ? ne(vcRoomLinks.eventId, exceptEventId) : undefined,
      ),
    )
    .orderBy(asc(events.title), asc(events.id));
  for (const row of rows) {
    const entry = result.get(row.roomId) ?? { visible: [], hidden: 0 };
    if (row.visible) entry.visible.push({ id: row.id, title: row.title });
    else entry.hidden += 1;
    result.set(row.roomId, entry);
  }
  return result;
}

/** The event's links as Services → Videoconference lists them (all of them, or those of `linkIds`). */
export async function loadManagedRooms(
  vc: Vc,
  event: EventRow,
  user: SessionUser,
  opts: { linkIds?: number[] } = {},
): Promise<VcManagedRoom[]> {
  const ctx = providerCtx(vc);
  const keys = await userRoomKeys(vc.providers, user, ctx);
  const rows = await vc.db
    .select({
      link: vcRoomLinks,
      room: vcRooms,
      creatorName: users.name,
      managesRoom: manageRoomSql(vc.db, keys),
      totalLinks: linkCountSql(vc.db),
    })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .leftJoin(users, eq(users.id, vcRooms.createdById))
    .where(
      and(
        eq(vcRoomLinks.eventId, event.id),
        opts.linkIds ? inArray(vcRoomLinks.id, opts.linkIds) : undefined,
      ),
    )
    .orderBy(asc(vcRooms.name), asc(vcRoomLinks.id));
  const facts = await loadTargetFacts(
    vc.db,
    rows.map((r) => r.link),
  );
  const others = await otherEventsOf(
    vc.db,
    rows.map((r) => r.room.id),
    event.id,
    user,
  );
  const enabled = await vc.providers.enabled(ctx);
  const usable = new Set((await vc.providers.usableBy(user, ctx)).map((p) => p.name));
  const viewer = { user, isEventManager: true };

  return rows.map(({ link, room, creatorName, managesRoom, totalLinks }) => {
    const provider = vc.providers.get(room.provider);
    const settings = enabled.get(room.provider);
    const available = provider !== undefined && settings !== undefined;
    const status = statusOf(room);
    const providerRoom = provider && available ? toProviderRoom(provider, room, totalLinks) : undefined;
    const details =
      provider && settings && providerRoom
        ? presentDetails(
            provider.displayInfo({
              room: providerRoom,
              linkData: linkDataOf(provider, link.data),
              viewer,
              settings: settings.displaySettings,
            }),
            viewer,
            { eventId: event.id, roomId: room.id },
          )
        : NO_DETAILS;
    const other = others.get(room.id) ?? { visible: [], hidden: 0 };
    const can = managerAbilities({
      status,
      providerUsable: available && usable.has(room.provider) && providerRoom !== undefined,
      managesRoom,
      canJoin: available && details.joinPath !== null,
    });
    return {
      linkId: link.id,
      roomId: room.id,
      name: room.name,
      provider: providerRef(provider, room.provider),
      target: presentTarget(event, link, facts),
      status,
      hidden: !link.show,
      details: status === 'created' ? details : NO_DETAILS,
      show: link.show,
      providerAvailable: available,
      createdBy:
        room.createdById !== null && creatorName !== null
          ? { id: room.createdById, name: creatorName }
          : null,
      createdAt: room.createdAt.toISOString(),
      modifiedAt: room.modifiedAt.toISOString(),
      deletion: room.deletionRequestedAt
        ? { requestedAt: room.deletionRequestedAt.toISOString(), error: room.deletionError }
        : null,
      deletedAt: room.deletedAt?.toISOString() ?? null,
      otherEvents: other.visible,
      hiddenOtherEvents: other.hidden,
      totalLinks,
      actions:
        provider && providerRoom && status === 'created'
          ? provider.actions
              .filter((a) => a.isAvailable({ room: providerRoom, viewer }))
              .map((a) => ({ id: a.id, label: a.label }))
          : [],
      can,
    };
  });
}

/** One link as the management page shows it (after a change). */
export async function loadManagedRoom(vc: Vc, event: EventRow, user: SessionUser, linkId: number) {
  const [room] = await loadManagedRooms(vc, event, user, { linkIds: [linkId] });
  if (!room) throw new NotFound('This videoconference');
  return room;
}
