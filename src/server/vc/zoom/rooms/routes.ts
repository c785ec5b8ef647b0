/*
 * The Zoom form's helpers (managers of the event who may use Zoom) and Start. Start asks Zoom for the meeting
 * and redirects the host to its fresh start_url, which is never stored: it carries the host's token, which
 * expires after two hours (zoom_api.md §2.2). Alternative hosts go to the join link (zoomStartRight).
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdParam } from '../../../../contracts/ids';
import { VcEventParams } from '../../../../contracts/vc';
import {
  ZoomFormContext,
  ZoomFormContextQuery,
  ZoomHostCheck,
  ZoomHostCheckQuery,
  ZoomUserCheck,
  ZoomUserCheckQuery,
} from '../../../../contracts/vc-zoom';
import { requireUser } from '../../../auth/guards';
import { findPeople } from '../../../auth/people';
import { Forbidden, NotFound, ProviderError } from '../../../errors';
import { assertCanManageEvent } from '../../../events';
import { ErrorResponse } from '../../../http/schemas';
import type { App } from '../../../http/types';
import { vcRoomLinks, vcRooms } from '../../schema';
import { isZoomError } from '../errors';
import { mayCreateZoomRooms, zoomStartRight } from '../permissions';
import { readZoomProviderSettings } from '../settings';
import { checkZoomHost, checkZoomUser } from './host-check';
import { ZOOM_PROVIDER, ZoomRoomData } from './room-data';
import type { ZoomServices } from './services';

const TAGS = ['zoom'];
const ERRORS = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
  502: ErrorResponse,
};

/** A manager of the event who may use Zoom (the helpers reveal who has a Zoom account). */
async function zoomManagerOf(s: ZoomServices, request: FastifyRequest, eventId: number) {
  const user = requireUser(request);
  const access = await assertCanManageEvent(s.db, eventId, user);
  if (!mayCreateZoomRooms(user, await readZoomProviderSettings(s.db)))
    throw new Forbidden('You may not use Zoom on this server.');
  return { user, access };
}

async function userSummaries(s: ZoomServices, ids: number[]) {
  return [...(await findPeople(s.db, ids)).values()];
}

export function registerZoomRoomRoutes(app: App, s: ZoomServices): void {
  app.get(
    '/api/events/:eventId/vc/zoom/form-context',
    {
      schema: {
        tags: TAGS,
        summary: 'What the Zoom fields need: webinars allowed, passcode length, the people the form names',
        params: VcEventParams,
        querystring: ZoomFormContextQuery,
        response: { 200: ZoomFormContext, ...ERRORS },
      },
    },
    async (request) => {
      const { access } = await zoomManagerOf(s, request, request.params.eventId);
      const settings = await readZoomProviderSettings(s.db);
      let ids: number[] = [];
      if (request.query.roomId !== undefined) {
        const [row] = await s.db
          .select({ data: vcRooms.data })
          .from(vcRooms)
          .innerJoin(vcRoomLinks, eq(vcRoomLinks.roomId, vcRooms.id))
          .where(
            and(
              eq(vcRooms.id, request.query.roomId),
              eq(vcRooms.provider, ZOOM_PROVIDER),
              eq(vcRoomLinks.eventId, access.event.id),
            ),
          )
          .limit(1);
        const data = ZoomRoomData.safeParse(row?.data);
        if (!data.success) throw new NotFound('This videoconference');
        ids = [data.data.hostUserId, ...data.data.alternativeHostIds].filter(
          (id): id is number => id !== null,
        );
      }
      return {
        allowWebinars: settings.allowWebinars,
        passcodeLength: settings.passcodeLength,
        users: await userSummaries(s, ids),
      };
    },
  );

  app.get(
    '/api/events/:eventId/vc/zoom/user-check',
    {
      schema: {
        tags: TAGS,
        summary: 'Whether a person has a Zoom account (and so can be a host or an alternative host)',
        params: VcEventParams,
        querystring: ZoomUserCheckQuery,
        response: { 200: ZoomUserCheck, ...ERRORS },
      },
    },
    async (request) => {
      const { user } = await zoomManagerOf(s, request, request.params.eventId);
      return checkZoomUser(s, request.query.userId, user);
    },
  );

  app.get(
    '/api/events/:eventId/vc/zoom/host-check',
    {
      schema: {
        tags: TAGS,
        summary: "Resolve a host on Zoom and list their meetings overlapping the room's time",
        params: VcEventParams,
        querystring: ZoomHostCheckQuery,
        response: { 200: ZoomHostCheck, ...ERRORS },
      },
    },
    async (request) => {
      const { user, access } = await zoomManagerOf(s, request, request.params.eventId);
      const q = request.query;
      const target =
        q.target === 'event' || q.targetId === undefined
          ? ({ type: 'event' } as const)
          : q.target === 'contribution'
            ? ({ type: 'contribution', contributionId: q.targetId } as const)
            : ({ type: 'block', blockId: q.targetId } as const);
      return checkZoomHost(s, {
        event: access.event,
        userId: q.userId ?? user.id,
        target,
        roomId: q.roomId,
        asker: user,
      });
    },
  );

  app.get(
    '/api/vc/zoom/rooms/:roomId/start',
    {
      schema: {
        tags: TAGS,
        summary:
          'Start a Zoom meeting: the host to a fresh start link, an alternative host to the join link (signed in to Zoom as themselves)',
        params: z.object({ roomId: IdParam }),
      },
    },
    async (request, reply) => {
      if (!request.user)
        return reply
          .header('cache-control', 'no-store')
          .redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
      const user = request.user;
      const [row] = await s.db
        .select({ room: vcRooms })
        .from(vcRooms)
        .where(and(eq(vcRooms.id, request.params.roomId), eq(vcRooms.provider, ZOOM_PROVIDER)));
      const data = ZoomRoomData.safeParse(row?.room.data);
      const right = data.success ? zoomStartRight(data.data, user) : null;
      if (!row || !data.success || right === null || row.room.status !== 'created')
        throw new NotFound('This videoconference');
      if (right === 'alternative-host') {
        request.log.info(
          { roomId: row.room.id },
          'Zoom meeting started by an alternative host through Convene',
        );
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .redirect(data.data.joinUrl, 302);
      }
      let startUrl: string | undefined;
      try {
        startUrl = (await (await s.client()).getMeeting(data.data.meetingId)).start_url;
      } catch (err) {
        if (isZoomError(err, 'meeting-not-found'))
          throw new ProviderError(ZOOM_PROVIDER, 'This meeting no longer exists on Zoom: refresh the room.');
        throw err;
      }
      if (!startUrl) throw new NotFound('The start link of this meeting');
      request.log.info({ roomId: row.room.id }, 'Zoom meeting started through Convene');
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(startUrl, 302);
    },
  );
}
