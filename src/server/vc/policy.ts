/*
 * Who may do what with rooms. The rules, as SQL so that lists filter before they limit:
 * - manage a room (edit it, delete it): an admin, its creator, a manager of every event it is linked to,
 *   the provider's service managers, or one of its hosts (the provider's host keys);
 * - link a room elsewhere (Add existing): the same, but managing ANY event it is linked to is enough;
 * - everything through an event needs managing that event too, and using a provider needs its canCreate.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { VcCan, VcStatus } from '../../contracts/vc';
import type { SessionUser } from '../auth/sessions';
import { type DbOrTx, eventManagers } from '../events';
import type { ProviderContext } from './provider';
import type { ProviderRegistry } from './registry';
import { vcRoomLinks, vcRooms } from './schema';

/** What a user is to the providers: service manager of some, and the host keys each gives them. */
export interface UserRoomKeys {
  user: SessionUser;
  serviceManagerOf: string[];
  hostKeys: Array<{ provider: string; keys: string[] }>;
}

export async function userRoomKeys(
  registry: ProviderRegistry,
  user: SessionUser,
  ctx: ProviderContext,
): Promise<UserRoomKeys> {
  const serviceManagerOf: string[] = [];
  const hostKeys: UserRoomKeys['hostKeys'] = [];
  for (const provider of registry.all()) {
    if (await provider.isServiceManager({ user, ctx })) serviceManagerOf.push(provider.name);
    const keys = await provider.userHostKeys({ user, ctx });
    if (keys.length) hostKeys.push({ provider: provider.name, keys });
  }
  return { user, serviceManagerOf, hostKeys };
}

const textArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** SQL: the user hosts the row of vc_rooms in scope, as its provider says. */
export function isHostSql(keys: UserRoomKeys): SQL<boolean> {
  if (!keys.hostKeys.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    keys.hostKeys.map(
      (h) => sql`(${vcRooms.provider} = ${h.provider} AND ${vcRooms.hostKeys} && ${textArray(h.keys)})`,
    ),
    sql` OR `,
  )})`;
}

function baseGrantSql(keys: UserRoomKeys): SQL<boolean> {
  const serviceManager = keys.serviceManagerOf.length
    ? inArray(vcRooms.provider, keys.serviceManagerOf)
    : sql`false`;
  return sql<boolean>`(${eq(vcRooms.createdById, keys.user.id)} OR ${serviceManager} OR ${isHostSql(keys)})`;
}

function managesLinkEvent(db: DbOrTx, userId: number) {
  return db
    .select({ one: sql`1` })
    .from(eventManagers)
    .where(and(eq(eventManagers.eventId, vcRoomLinks.eventId), eq(eventManagers.userId, userId)));
}

/** SQL: the user may manage (edit, delete) the row of vc_rooms in scope. */
export function manageRoomSql(db: DbOrTx, keys: UserRoomKeys): SQL<boolean> {
  if (keys.user.isAdmin) return sql<boolean>`true`;
  const unmanagedLink = db
    .select({ one: sql`1` })
    .from(vcRoomLinks)
    .where(and(eq(vcRoomLinks.roomId, vcRooms.id), sql`NOT EXISTS (${managesLinkEvent(db, keys.user.id)})`));
  // A room with no link at all is managed by its creator, hosts and service managers only.
  const linked = db.select({ one: sql`1` }).from(vcRoomLinks).where(eq(vcRoomLinks.roomId, vcRooms.id));
  return sql<boolean>`(${baseGrantSql(keys)} OR (EXISTS (${linked}) AND NOT EXISTS (${unmanagedLink})))`;
}

/** SQL: the user may link the row of vc_rooms in scope to another event (Add existing). */
export function linkRoomSql(db: DbOrTx, keys: UserRoomKeys): SQL<boolean> {
  if (keys.user.isAdmin) return sql<boolean>`true`;
  const managedLink = db
    .select({ one: sql`1` })
    .from(vcRoomLinks)
    .where(and(eq(vcRoomLinks.roomId, vcRooms.id), sql`EXISTS (${managesLinkEvent(db, keys.user.id)})`));
  return sql<boolean>`(${baseGrantSql(keys)} OR EXISTS (${managedLink}))`;
}

export function statusOf(room: {
  status: 'created' | 'deleted';
  deletionRequestedAt: Date | null;
}): VcStatus {
  if (room.status === 'deleted') return 'deleted';
  return room.deletionRequestedAt ? 'deleting' : 'created';
}

/**
 * The abilities of an event manager on one link of their event. Rooms being deleted, gone at the provider,
 * or of a provider this server no longer offers can only be detached.
 */
export function managerAbilities(args: {
  status: VcStatus;
  providerUsable: boolean;
  managesRoom: boolean;
  canJoin: boolean;
}): VcCan {
  const live = args.status === 'created' && args.providerUsable;
  return {
    edit: live,
    editRoom: live && args.managesRoom,
    refresh: live,
    detach: true,
    delete: live && args.managesRoom,
    join: args.status === 'created' && args.canJoin,
  };
}
