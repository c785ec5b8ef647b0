// Lists of rooms across events: the suggestions of Add existing, the administrators' overview and each
// user's "My rooms". Permission is part of each query's WHERE, so a limit never hides rooms one may use.
import {
  and,
  asc,
  desc,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { VcRoomList, VcRoomSummary, VcStatus, VcSuggestions } from '../../contracts/vc';
import { users } from '../auth/schema';
import type { SessionUser } from '../auth/sessions';
import { Forbidden } from '../errors';
import {
  type DbOrTx,
  type EventAccess,
  eventManagers,
  events,
  isManagerSql,
  visibleEventsWhere,
} from '../events';
import { providerCtx, roomHostName, type Vc } from './context';
import { linkCountSql } from './manage-read';
import { isHostSql, linkRoomSql, statusOf, userRoomKeys } from './policy';
import { providerRef } from './present';
import { type VcRoomRow, vcRoomLinks, vcRooms } from './schema';

export const SUGGESTION_LIMIT = 10;
export const ROOMS_PAGE_SIZE = 20;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Rooms whose name contains `q`, or that the provider knows by `q` exactly (e.g. a meeting id). */
const matches = (q: string) =>
  or(ilike(vcRooms.name, `%${escapeLike(q)}%`), sql`${q} = ANY(${vcRooms.searchKeys})`);

/** Add existing: live rooms of this provider the user may link, best matches first, at most 10. */
export async function suggestRooms(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  query: { provider: string; q: string },
): Promise<VcSuggestions> {
  const ctx = providerCtx(vc);
  const provider = await vc.providers.requireEnabled(query.provider, ctx);
  if (!(await provider.canCreate({ user, ctx }))) {
    throw new Forbidden(`You may not use ${provider.displayName} videoconferences on this server.`);
  }
  const keys = await userRoomKeys(vc.providers, user, ctx);
  const linkedHere = exists(
    vc.db
      .select({ one: sql`1` })
      .from(vcRoomLinks)
      .where(and(eq(vcRoomLinks.roomId, vcRooms.id), eq(vcRoomLinks.eventId, access.event.id))),
  );
  const rows = await vc.db
    .select({
      id: vcRooms.id,
      name: vcRooms.name,
      createdBy: users.name,
      data: vcRooms.data,
      totalLinks: linkCountSql(vc.db),
      linkedHere: sql<boolean>`${linkedHere}`,
    })
    .from(vcRooms)
    .leftJoin(users, eq(users.id, vcRooms.createdById))
    .where(
      and(
        eq(vcRooms.provider, provider.name),
        eq(vcRooms.status, 'created'),
        isNull(vcRooms.deletionRequestedAt),
        matches(query.q),
        linkRoomSql(vc.db, keys),
      ),
    )
    .orderBy(
      desc(sql`lower(${vcRooms.name}) = lower(${query.q})`),
      desc(linkCountSql(vc.db)),
      asc(vcRooms.name),
      asc(vcRooms.id),
    )
    .limit(SUGGESTION_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdBy: r.createdBy,
      host: roomHostName(provider, r.data),
      totalLinks: r.totalLinks,
      linkedToThisEvent: r.linkedHere,
    })),
  };
}

function statusWhere(status: VcStatus | undefined): SQL | undefined {
  if (status === 'deleted') return eq(vcRooms.status, 'deleted');
  if (status === 'deleting')
    return and(eq(vcRooms.status, 'created'), isNotNull(vcRooms.deletionRequestedAt));
  if (status === 'created') return and(eq(vcRooms.status, 'created'), isNull(vcRooms.deletionRequestedAt));
  return undefined;
}

interface RoomPageRow {
  room: VcRoomRow;
  creatorName: string | null;
  relations: VcRoomSummary['relations'];
}

/** The events of a page of rooms (one query), split into those the viewer may see and a count of the rest. */
async function summaries(
  db: DbOrTx,
  vc: Vc,
  viewer: SessionUser,
  rows: RoomPageRow[],
): Promise<VcRoomSummary[]> {
  const roomIds = rows.map((r) => r.room.id);
  const linked = roomIds.length
    ? await db
        .selectDistinct({
          roomId: vcRoomLinks.roomId,
          id: events.id,
          title: events.title,
          visible: sql<boolean>`${visibleEventsWhere(db, viewer)}`,
          canManage: isManagerSql(db, viewer),
        })
        .from(vcRoomLinks)
        .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
        .where(inArray(vcRoomLinks.roomId, roomIds))
        .orderBy(asc(events.title), asc(events.id))
    : [];
  return rows.map(({ room, creatorName, relations }) => {
    const mine = linked.filter((l) => l.roomId === room.id);
    return {
      id: room.id,
      name: room.name,
      provider: providerRef(vc.providers.get(room.provider), room.provider),
      status: statusOf(room),
      createdBy:
        room.createdById !== null && creatorName !== null
          ? { id: room.createdById, name: creatorName }
          : null,
      host: roomHostName(vc.providers.get(room.provider), room.data),
      createdAt: room.createdAt.toISOString(),
      modifiedAt: room.modifiedAt.toISOString(),
      deletionError: room.deletionError,
      events: mine
        .filter((l) => l.visible)
        .map((l) => ({ id: l.id, title: l.title, canManage: l.canManage })),
      hiddenEvents: mine.filter((l) => !l.visible).length,
      relations,
    };
  });
}

const providerRefs = (vc: Vc) => vc.providers.all().map((p) => providerRef(p, p.name));

/** Every room on the server, for administrators: filter by provider and status, search by name or key. */
export async function listAllRooms(
  vc: Vc,
  admin: SessionUser,
  filter: {
    provider?: string | undefined;
    status?: VcStatus | undefined;
    q?: string | undefined;
    page: number;
  },
): Promise<VcRoomList> {
  const where = and(
    filter.provider ? eq(vcRooms.provider, filter.provider) : undefined,
    statusWhere(filter.status),
    filter.q ? matches(filter.q) : undefined,
  );
  const rows = await vc.db
    .select({ room: vcRooms, creatorName: users.name })
    .from(vcRooms)
    .leftJoin(users, eq(users.id, vcRooms.createdById))
    .where(where)
    .orderBy(desc(vcRooms.modifiedAt), desc(vcRooms.id))
    .limit(ROOMS_PAGE_SIZE)
    .offset((filter.page - 1) * ROOMS_PAGE_SIZE);
  const [count] = await vc.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(vcRooms)
    .where(where);
  return {
    items: await summaries(
      vc.db,
      vc,
      admin,
      rows.map((r) => ({ ...r, relations: [] })),
    ),
    page: filter.page,
    pageSize: ROOMS_PAGE_SIZE,
    total: count?.total ?? 0,
    providers: providerRefs(vc),
  };
}

/** "My rooms": rooms the user created, hosts (as the provider says), or uses in an event they manage. */
export async function listMyRooms(vc: Vc, user: SessionUser, page: number): Promise<VcRoomList> {
  const keys = await userRoomKeys(vc.providers, user, providerCtx(vc));
  const creator = eq(vcRooms.createdById, user.id);
  const host = isHostSql(keys);
  const manager = exists(
    vc.db
      .select({ one: sql`1` })
      .from(vcRoomLinks)
      .innerJoin(eventManagers, eq(eventManagers.eventId, vcRoomLinks.eventId))
      .where(and(eq(vcRoomLinks.roomId, vcRooms.id), eq(eventManagers.userId, user.id))),
  );
  const where = or(creator, host, manager);
  const rows = await vc.db
    .select({
      room: vcRooms,
      creatorName: users.name,
      isCreator: sql<boolean>`${creator}`,
      isHost: host,
      isManager: sql<boolean>`${manager}`,
    })
    .from(vcRooms)
    .leftJoin(users, eq(users.id, vcRooms.createdById))
    .where(where)
    .orderBy(desc(vcRooms.modifiedAt), desc(vcRooms.id))
    .limit(ROOMS_PAGE_SIZE)
    .offset((page - 1) * ROOMS_PAGE_SIZE);
  const [count] = await vc.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(vcRooms)
    .where(where);
  const items = await summaries(
    vc.db,
    vc,
    user,
    rows.map((r) => ({
      room: r.room,
      creatorName: r.creatorName,
      relations: [
        ...(r.isCreator ? (['creator'] as const) : []),
        ...(r.isHost ? (['host'] as const) : []),
        ...(r.isManager ? (['manager'] as const) : []),
      ],
    })),
  );
  return { items, page, pageSize: ROOMS_PAGE_SIZE, total: count?.total ?? 0, providers: providerRefs(vc) };
}
