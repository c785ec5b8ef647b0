// The linking rules, checked before anything is asked of a provider (the database enforces them again with
// unique indexes, for the requests that race): at most one room per contribution and per session block,
// and a room linked to a whole event at most once.
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { isUniqueViolation } from '../db/errors';
import { Conflict } from '../errors';
import type { DbOrTx } from '../events';
import { targetLabel } from './log';
import type { TargetInfo } from './provider';
import { vcRoomLinks } from './schema';
import type { TargetColumns } from './targets';

export async function assertTargetFree(
  db: DbOrTx,
  columns: TargetColumns,
  info: TargetInfo,
  opts: { roomId?: number; exceptLinkId?: number },
): Promise<void> {
  const except = opts.exceptLinkId !== undefined ? ne(vcRoomLinks.id, opts.exceptLinkId) : undefined;
  let where: SQL | undefined;
  if (columns.contributionId !== null) where = eq(vcRoomLinks.contributionId, columns.contributionId);
  else if (columns.blockId !== null) where = eq(vcRoomLinks.blockId, columns.blockId);
  else if (opts.roomId !== undefined && columns.linkedEventId !== null)
    where = and(eq(vcRoomLinks.roomId, opts.roomId), eq(vcRoomLinks.linkedEventId, columns.linkedEventId));
  if (!where) return;
  const [taken] = await db
    .select({ roomId: vcRoomLinks.roomId })
    .from(vcRoomLinks)
    .where(and(where, except))
    .limit(1);
  if (!taken) return;
  const message =
    columns.linkedEventId !== null || taken.roomId === opts.roomId
      ? `This videoconference is already linked to ${targetLabel(info)}.`
      : `There is already a videoconference linked to ${targetLabel(info)}: a ${
          info.target.type === 'block' ? 'session block' : 'contribution'
        } has one at most, so detach that one first.`;
  throw new Conflict(message, { fields: [{ field: 'target', message }] });
}

/** A unique index refused the link: someone linked the same target meanwhile. */
export function linkConflict(err: unknown, info: TargetInfo): unknown {
  if (!isUniqueViolation(err)) return err;
  const message = `Someone linked a videoconference to ${targetLabel(info)} meanwhile: reload and try again.`;
  return new Conflict(message, { fields: [{ field: 'target', message }] });
}
