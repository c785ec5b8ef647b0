// Protection of an event: its mode, its managers, and the users a `restricted` event admits.
import { and, asc, eq } from 'drizzle-orm';
import type { Protection, UpdateProtectionBody, UserRef } from '../../contracts/events';
import { userEmails, users } from '../auth/schema';
import { ValidationFailed } from '../errors';
import { type DbOrTx, inTurn } from './db-types';
import type { Acting, ServiceDeps } from './events-service';
import { changedFields, writeEventLog } from './log';
import { presentEvent } from './present';
import { type EventRow, eventAllowedUsers, eventManagers, events } from './schema';
import { assertVersion, lockEvent, requireUsers } from './write-helpers';

type Membership = typeof eventManagers | typeof eventAllowedUsers;

function membersOf(db: DbOrTx, table: Membership, eventId: number) {
  return db
    .select({ id: users.id, name: users.name, email: userEmails.email })
    .from(table)
    .innerJoin(users, eq(users.id, table.userId))
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(eq(table.eventId, eventId))
    .orderBy(asc(users.name), asc(users.id));
}

const toRefs = (rows: Array<{ id: number; name: string; email: string | null }>): UserRef[] =>
  rows.map((r) => ({ id: r.id, name: r.name, email: r.email ?? '' }));

export async function getProtection(db: DbOrTx, event: EventRow): Promise<Protection> {
  const [managers, allowed] = await inTurn(
    membersOf(db, eventManagers, event.id),
    membersOf(db, eventAllowedUsers, event.id),
  );
  return {
    mode: event.protectionMode,
    managers: toRefs(managers),
    allowedUsers: toRefs(allowed),
    version: event.version,
  };
}

/** Makes the membership table hold exactly `ids` for the event (two statements whatever the sizes). */
async function replaceMembers(tx: DbOrTx, table: Membership, eventId: number, ids: number[], at: Date) {
  await tx.delete(table).where(eq(table.eventId, eventId));
  if (ids.length) await tx.insert(table).values(ids.map((userId) => ({ eventId, userId, createdAt: at })));
}

const logView = (p: Protection) => ({
  mode: p.mode,
  managers: p.managers.map((u) => ({ id: u.id, name: u.name })),
  allowedUsers: p.allowedUsers.map((u) => ({ id: u.id, name: u.name })),
});

export async function updateProtection(
  deps: ServiceDeps,
  actor: Acting,
  eventId: number,
  body: UpdateProtectionBody,
): Promise<Protection> {
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const old = await lockEvent(tx, eventId, 'update');
    await assertVersion('event', old, body.version, () => presentEvent(old, { manage: true }));
    const before = await getProtection(tx, old);
    const managerIds = body.managerIds ? [...new Set(body.managerIds)] : undefined;
    const allowedIds = body.allowedUserIds ? [...new Set(body.allowedUserIds)] : undefined;
    if (managerIds?.length === 0)
      throw ValidationFailed.field('managerIds', 'an event needs at least one manager');
    if (managerIds) await requireUsers(tx, managerIds, 'managerIds');
    if (allowedIds) await requireUsers(tx, allowedIds, 'allowedUserIds');

    const diff = changedFields(
      {
        mode: before.mode,
        managerIds: before.managers.map((u) => u.id).sort(),
        allowedUserIds: before.allowedUsers.map((u) => u.id).sort(),
      },
      { mode: body.mode, managerIds: managerIds?.slice().sort(), allowedUserIds: allowedIds?.slice().sort() },
    );
    if (!diff) return before;
    if (managerIds) await replaceMembers(tx, eventManagers, eventId, managerIds, at);
    if (allowedIds) await replaceMembers(tx, eventAllowedUsers, eventId, allowedIds, at);
    const [event] = await tx
      .update(events)
      .set({ protectionMode: body.mode ?? old.protectionMode, version: old.version + 1, updatedAt: at })
      .where(eq(events.id, eventId))
      .returning();
    if (!event) throw new Error('event update returned nothing');
    const after = await getProtection(tx, event);
    const logged = changedFields(logView(before), logView(after));
    await writeEventLog(tx, {
      eventId,
      actorId: actor.id,
      at,
      module: 'protection',
      kind: 'changed',
      summary: 'Protection changed',
      before: logged?.before ?? null,
      after: logged?.after ?? null,
    });
    return after;
  });
}
