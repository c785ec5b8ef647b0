// Protection, log, cloning, and the admin setting of who may create events.
import {
  CloneBody,
  ClonedEvent,
  CloneOptions,
  CreatorsSetting,
  EventLog,
  EventParams,
  LogQuery,
  Protection,
  UpdateCreatorsBody,
  UpdateProtectionBody,
} from '../../../contracts/events';
import { requireAdmin } from '../../auth/guards';
import type { App } from '../../http/types';
import { cloneEvent, listCloneOptions } from '../clone-service';
import { getCreatorsSetting, setCreatorsSetting } from '../creators';
import type { EventsDeps } from '../extensions';
import { listEventLog } from '../log';
import { presentEvent } from '../present';
import { getProtection, updateProtection } from '../protection-service';
import { MANAGE_ERRORS, managerOf, TAGS } from './route-helpers';

export function registerManagementRoutes(app: App, deps: EventsDeps): void {
  app.get(
    '/api/events/:eventId/protection',
    { schema: { tags: TAGS, params: EventParams, response: { 200: Protection, ...MANAGE_ERRORS } } },
    async (request) => {
      const { access } = await managerOf(deps, request, request.params.eventId);
      return getProtection(deps.db, access.event);
    },
  );

  app.put(
    '/api/events/:eventId/protection',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: UpdateProtectionBody,
        response: { 200: Protection, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      return updateProtection(deps, user, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/log',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        querystring: LogQuery,
        response: { 200: EventLog, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      await managerOf(deps, request, request.params.eventId);
      return listEventLog(deps.db, request.params.eventId, request.query);
    },
  );

  app.get(
    '/api/events/:eventId/clone-options',
    { schema: { tags: TAGS, params: EventParams, response: { 200: CloneOptions, ...MANAGE_ERRORS } } },
    async (request) => {
      const { access } = await managerOf(deps, request, request.params.eventId);
      return listCloneOptions(deps.db, deps.extensions.cloneSteps, access.event);
    },
  );

  app.post(
    '/api/events/:eventId/clone',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: CloneBody,
        response: { 201: ClonedEvent, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      const { event, notices } = await cloneEvent(deps, user, request.params.eventId, request.body);
      return reply.status(201).send({ ...presentEvent(event, { manage: true }), notices });
    },
  );

  app.get(
    '/api/admin/events/creators',
    { schema: { tags: TAGS, response: { 200: CreatorsSetting, ...MANAGE_ERRORS } } },
    async (request) => {
      requireAdmin(request);
      return getCreatorsSetting(deps.db);
    },
  );

  app.put(
    '/api/admin/events/creators',
    {
      schema: { tags: TAGS, body: UpdateCreatorsBody, response: { 200: CreatorsSetting, ...MANAGE_ERRORS } },
    },
    async (request) => {
      requireAdmin(request);
      await setCreatorsSetting(deps.db, request.body, deps.clock());
      return getCreatorsSetting(deps.db);
    },
  );
}
