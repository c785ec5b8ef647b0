// The videoconference API. Every route under /api/events/:eventId/vc needs a manager of that event (401, then
// 404 for an event the user may not see, 403 for one they see but do not manage); a link of another event
// is 404. Routes parse, check, call one service function and answer; the services hold the flows.
import type { FastifyRequest } from 'fastify';
import {
  AdminRoomsQuery,
  AttachRoomBody,
  CreateRoomBody,
  DetachQuery,
  EditLinkBody,
  MyRoomsQuery,
  SuggestionsQuery,
  VcActionParams,
  VcActionResult,
  VcEventParams,
  VcFormValues,
  VcLinkParams,
  VcManagePage,
  VcProviderParams,
  VcRemoveResult,
  VcRoomList,
  VcSuggestions,
  VcTargets,
  VcWriteResult,
} from '../../contracts/vc';
import { requireAdmin, requireUser } from '../auth/guards';
import { assertCanManageEvent } from '../events';
import { RATE_LIMITS } from '../http/rate-limits';
import { ErrorResponse } from '../http/schemas';
import type { App } from '../http/types';
import { providerCtx, type Vc } from './context';
import { attachRoom, createRoom } from './create';
import { editFormValues, editLink, newRoomForm, refreshLink, runAction } from './edit';
import { listAllRooms, listMyRooms, suggestRooms } from './lists';
import { loadManagedRoom, loadManagedRooms } from './manage-read';
import { deleteRoomEverywhere, detachLink } from './removal';
import { listTargets } from './targets';

const TAGS = ['videoconference'];
const ERRORS = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  502: ErrorResponse,
} as const;

async function managerOf(vc: Vc, request: FastifyRequest, eventId: number) {
  const user = requireUser(request);
  const access = await assertCanManageEvent(vc.db, eventId, user);
  return { user, access };
}

export function registerVcRoutes(app: App, vc: Vc): void {
  app.get(
    '/api/events/:eventId/vc',
    { schema: { tags: TAGS, params: VcEventParams, response: { 200: VcManagePage, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      const providers = await vc.providers.usableBy(user, providerCtx(vc, { log: request.log }));
      const { event } = access;
      return {
        event: { id: event.id, title: event.title, timezone: event.timezone },
        rooms: await loadManagedRooms(vc, event, user),
        providers: providers.map((p) => ({
          name: p.name,
          displayName: p.displayName,
          description: p.description,
          logoUrl: p.logoUrl,
        })),
      };
    },
  );

  app.get(
    '/api/events/:eventId/vc/targets',
    { schema: { tags: TAGS, params: VcEventParams, response: { 200: VcTargets, ...ERRORS } } },
    async (request) => {
      const { access } = await managerOf(vc, request, request.params.eventId);
      return listTargets(vc.db, access.event);
    },
  );

  app.get(
    '/api/events/:eventId/vc/providers/:provider/form',
    { schema: { tags: TAGS, params: VcProviderParams, response: { 200: VcFormValues, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return newRoomForm(vc, user, access, request.params.provider, request.log);
    },
  );

  app.post(
    '/api/events/:eventId/vc/rooms',
    {
      schema: {
        tags: TAGS,
        params: VcEventParams,
        body: CreateRoomBody,
        response: { 201: VcWriteResult, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return reply.status(201).send(await createRoom(vc, user, access, request.body, request.log));
    },
  );

  app.post(
    '/api/events/:eventId/vc/links',
    {
      schema: {
        tags: TAGS,
        params: VcEventParams,
        body: AttachRoomBody,
        response: { 201: VcWriteResult, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return reply.status(201).send(await attachRoom(vc, user, access, request.body, request.log));
    },
  );

  app.get(
    '/api/events/:eventId/vc/suggestions',
    {
      config: { rateLimit: RATE_LIMITS.suggestions },
      schema: {
        tags: TAGS,
        params: VcEventParams,
        querystring: SuggestionsQuery,
        response: { 200: VcSuggestions, ...ERRORS },
      },
    },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return suggestRooms(vc, user, access, request.query);
    },
  );

  app.get(
    '/api/events/:eventId/vc/links/:linkId',
    { schema: { tags: TAGS, params: VcLinkParams, response: { 200: VcWriteResult.shape.room, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return loadManagedRoom(vc, access.event, user, request.params.linkId);
    },
  );

  app.get(
    '/api/events/:eventId/vc/links/:linkId/form',
    { schema: { tags: TAGS, params: VcLinkParams, response: { 200: VcFormValues, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return editFormValues(vc, user, access, request.params.linkId);
    },
  );

  app.patch(
    '/api/events/:eventId/vc/links/:linkId',
    {
      schema: {
        tags: TAGS,
        params: VcLinkParams,
        body: EditLinkBody,
        response: { 200: VcWriteResult, ...ERRORS },
      },
    },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return editLink(vc, user, access, request.params.linkId, request.body, request.log);
    },
  );

  app.post(
    '/api/events/:eventId/vc/links/:linkId/refresh',
    { schema: { tags: TAGS, params: VcLinkParams, response: { 200: VcWriteResult, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return refreshLink(vc, user, access, request.params.linkId, request.log);
    },
  );

  app.post(
    '/api/events/:eventId/vc/links/:linkId/actions/:actionId',
    { schema: { tags: TAGS, params: VcActionParams, response: { 200: VcActionResult, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      const { linkId, actionId } = request.params;
      return runAction(vc, user, access, linkId, actionId, request.log);
    },
  );

  app.delete(
    '/api/events/:eventId/vc/links/:linkId',
    {
      schema: {
        tags: TAGS,
        params: VcLinkParams,
        querystring: DetachQuery,
        response: { 200: VcRemoveResult, ...ERRORS },
      },
    },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      const deleteRoom = request.query.deleteRoom === 'true';
      return detachLink(vc, user, access, request.params.linkId, deleteRoom, request.log);
    },
  );

  app.post(
    '/api/events/:eventId/vc/links/:linkId/delete-room',
    { schema: { tags: TAGS, params: VcLinkParams, response: { 200: VcRemoveResult, ...ERRORS } } },
    async (request) => {
      const { user, access } = await managerOf(vc, request, request.params.eventId);
      return deleteRoomEverywhere(vc, user, access, request.params.linkId, request.log);
    },
  );

  app.get(
    '/api/admin/vc/rooms',
    { schema: { tags: TAGS, querystring: AdminRoomsQuery, response: { 200: VcRoomList, ...ERRORS } } },
    async (request) => listAllRooms(vc, requireAdmin(request), request.query),
  );

  app.get(
    '/api/my/vc/rooms',
    { schema: { tags: TAGS, querystring: MyRoomsQuery, response: { 200: VcRoomList, ...ERRORS } } },
    async (request) => listMyRooms(vc, requireUser(request), request.query.page),
  );
}
