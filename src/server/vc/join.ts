/*
 * GET /event/:eventId/vc/:roomId/join — what every Join button links to. It checks that the viewer may see
 * the room through that event, asks the provider for the join URL this viewer may have, and redirects
 * there. Someone who may not see the room gets the same 404 as for a room that does not exist; someone the
 * provider wants logged in is sent to the login page first. Nothing is recorded about who joined, and the
 * join URL never appears in a log (Fastify logs the request path only).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IdParam } from '../../contracts/ids';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions';
import { AppError } from '../errors';
import { type EventAccess, loadEventForViewer } from '../events';
import type { App } from '../http/types';
import { linkDataOf, providerCtx, toProviderRoom, type Vc } from './context';
import { linkCountSql } from './manage-read';
import { vcRoomLinks, vcRooms } from './schema';

const Params = z.object({
  eventId: IdParam,
  roomId: IdParam,
});

function notFound(reply: FastifyReply) {
  return reply
    .status(404)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Convene</title></head>' +
        '<body><main><h1>This videoconference does not exist or you may not see it</h1>' +
        '<p><a href="/">Back to Convene</a></p></main></body></html>',
    );
}

const toLogin = (reply: FastifyReply, path: string) =>
  reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(path)}`, 302);

/** The viewer's access to the event; undefined when they may not see it (or it does not exist). */
async function accessOf(vc: Vc, eventId: number, user: SessionUser | undefined) {
  try {
    return { access: await loadEventForViewer(vc.db, eventId, user) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') return { loginFirst: true as const };
    if (err instanceof AppError && err.code === 'NOT_FOUND') return {};
    throw err;
  }
}

/** The join URL through the first of the room's links in this event that gives this viewer one. */
async function joinTarget(vc: Vc, access: EventAccess, roomId: number, user: SessionUser | undefined) {
  const rows = await vc.db
    .select({ link: vcRoomLinks, room: vcRooms, totalLinks: linkCountSql(vc.db) })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(
      and(
        eq(vcRoomLinks.eventId, access.event.id),
        eq(vcRoomLinks.roomId, roomId),
        eq(vcRooms.status, 'created'),
        sql`${vcRooms.deletionRequestedAt} IS NULL`,
        access.isManager ? undefined : eq(vcRoomLinks.show, true),
      ),
    )
    // The event's own link first: its settings are the ones the event page shows beside Join.
    .orderBy(sql`${vcRoomLinks.linkedEventId} IS NULL`, asc(vcRoomLinks.id));
  const first = rows[0];
  const provider = first ? vc.providers.get(first.room.provider) : undefined;
  const ctx = providerCtx(vc);
  if (!first || !provider || !(await provider.isEnabled({ ctx }))) return { found: false };
  const settings = await provider.displaySettings({ ctx });
  const viewer = { user, isEventManager: access.isManager };
  let loginRequired = false;
  for (const { link, room, totalLinks } of rows) {
    const providerRoom = toProviderRoom(provider, room, totalLinks);
    if (!providerRoom) continue;
    const details = provider.displayInfo({
      room: providerRoom,
      linkData: linkDataOf(provider, link.data),
      viewer,
      settings,
    });
    if (details.joinUrl) return { found: true, url: details.joinUrl };
    loginRequired ||= details.loginRequired === true;
  }
  return { found: true, loginRequired };
}

export function registerJoinRoute(app: App, vc: Vc): void {
  app.get(
    '/event/:eventId/vc/:roomId/join',
    { schema: { hide: true, params: Params } },
    async (request, reply) => {
      // The auth hook loads users for /api/ only: this page route reads the session itself.
      const token = request.cookies[SESSION_COOKIE];
      const user = token ? (await findSessionUser(vc.db, token, vc.clock()))?.user : undefined;
      const path = request.url.split('?')[0] ?? request.url;
      const { access, loginFirst } = await accessOf(vc, request.params.eventId, user);
      if (loginFirst) return toLogin(reply, path);
      if (!access) return notFound(reply);
      const target = await joinTarget(vc, access, request.params.roomId, user);
      if (target.url) {
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .redirect(target.url, 302);
      }
      if (target.found && target.loginRequired && !user) return toLogin(reply, path);
      return notFound(reply);
    },
  );
}
