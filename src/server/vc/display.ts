// The rooms on the event, contribution and session-block pages (the `vc` display extension): participants
// see the shown rooms that work; managers also see hidden and deleted ones, marked so. A fixed number of queries
// (one per registered provider for "is it enabled", then the rooms), whatever the number of rooms.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { VcDisplay, VcDisplayRoom } from '../../contracts/vc';
import {
  contributions,
  type DisplayExtensionContext,
  type DisplayExtensions,
  eventSessions,
  sessionBlocks,
} from '../events';
import { linkDataOf, providerCtx, toProviderRoom, type Vc } from './context';
import { linkCountSql } from './manage-read';
import { statusOf } from './policy';
import { NO_DETAILS, presentDetails, providerRef } from './present';
import { vcRoomLinks, vcRooms } from './schema';
import { presentBlockTarget, presentContributionTarget } from './targets';

const TYPE_ORDER = { event: 0, block: 1, contribution: 2 } as const;

export async function loadDisplayRooms(vc: Vc, ctx: DisplayExtensionContext): Promise<VcDisplay> {
  const { event, idLists, access } = ctx;
  const targets = [
    ...(ctx.page === 'event' ? [eq(vcRoomLinks.linkedEventId, event.id)] : []),
    ...(idLists.contributionIds.length ? [inArray(vcRoomLinks.contributionId, idLists.contributionIds)] : []),
    ...(idLists.blockIds.length ? [inArray(vcRoomLinks.blockId, idLists.blockIds)] : []),
  ];
  if (!targets.length) return { rooms: [] };
  const enabled = await vc.providers.enabled(providerCtx(vc, { db: ctx.db }));
  const participantOnly = access.isManager
    ? undefined
    : and(
        eq(vcRoomLinks.show, true),
        eq(vcRooms.status, 'created'),
        sql`${vcRooms.deletionRequestedAt} IS NULL`,
        enabled.size ? inArray(vcRooms.provider, [...enabled.keys()]) : sql`false`,
      );
  const rows = await ctx.db
    .select({
      link: vcRoomLinks,
      room: vcRooms,
      contribution: {
        id: contributions.id,
        title: contributions.title,
        startAt: contributions.startAt,
        durationMinutes: contributions.durationMinutes,
      },
      block: {
        id: sessionBlocks.id,
        title: sessionBlocks.title,
        startAt: sessionBlocks.startAt,
        durationMinutes: sessionBlocks.durationMinutes,
      },
      sessionTitle: eventSessions.title,
      totalLinks: linkCountSql(ctx.db),
    })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .leftJoin(contributions, eq(contributions.id, vcRoomLinks.contributionId))
    .leftJoin(sessionBlocks, eq(sessionBlocks.id, vcRoomLinks.blockId))
    .leftJoin(eventSessions, eq(eventSessions.id, sessionBlocks.sessionId))
    .where(and(eq(vcRoomLinks.eventId, event.id), or(...targets), participantOnly))
    .orderBy(asc(vcRooms.name), asc(vcRoomLinks.id));

  const viewer = { user: ctx.viewer, isEventManager: access.isManager };
  const rooms: VcDisplayRoom[] = rows.map(({ link, room, contribution, block, sessionTitle, totalLinks }) => {
    const provider = vc.providers.get(room.provider);
    const status = statusOf(room);
    const settings = enabled.get(room.provider);
    const providerRoom =
      provider && settings && status === 'created' ? toProviderRoom(provider, room, totalLinks) : undefined;
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
    const target =
      contribution && link.contributionId !== null
        ? presentContributionTarget(contribution)
        : block && link.blockId !== null
          ? presentBlockTarget({ ...block, sessionTitle: sessionTitle ?? '' })
          : { type: 'event' as const, title: event.title };
    return {
      linkId: link.id,
      roomId: room.id,
      name: room.name,
      provider: providerRef(provider, room.provider),
      target,
      status,
      hidden: !link.show,
      details,
      can: { join: details.joinPath !== null },
    };
  });
  rooms.sort((a, b) => TYPE_ORDER[a.target.type] - TYPE_ORDER[b.target.type]);
  return { rooms };
}

export function registerVcDisplay(vc: Vc, displays: DisplayExtensions): () => void {
  return displays.register({ id: 'vc', load: (ctx) => loadDisplayRooms(vc, ctx) });
}
