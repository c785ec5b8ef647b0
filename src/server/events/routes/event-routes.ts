// Events: lists, the event page, create, edit, delete.
import { z } from 'zod';
import {
  CreateEventBody,
  DeleteQuery,
  Event,
  EventList,
  EventPage,
  EventParams,
  ListEventsQuery,
  MyEvents,
  PageQuery,
  UpdateEventBody,
} from '../../../contracts/events';
import { requireUser } from '../../auth/guards';
import type { App } from '../../http/types';
import { mayCreateEvents } from '../creators';
import { listEvents, listManagedEvents, loadEventPage } from '../display-service';
import { createEvent, deleteEvent, updateEvent } from '../events-service';
import type { EventsDeps } from '../extensions';
import { loadEventForViewer } from '../permissions';
import { presentEvent } from '../present';
import { MANAGE_ERRORS, managerOf, READ_ERRORS, TAGS } from './route-helpers';

export function registerEventRoutes(app: App, deps: EventsDeps): void {
  app.get(
    '/api/events',
    { schema: { tags: TAGS, querystring: ListEventsQuery, response: { 200: EventList, ...READ_ERRORS } } },
    async (request) => {
      const { upcoming, q, page } = request.query;
      return listEvents(deps.db, request.user, {
        upcoming: upcoming !== undefined && upcoming !== 'false' && upcoming !== '0',
        q: q || undefined,
        page,
        now: deps.clock(),
      });
    },
  );

  app.get(
    '/api/my/events',
    { schema: { tags: TAGS, querystring: PageQuery, response: { 200: MyEvents, ...MANAGE_ERRORS } } },
    async (request) => {
      const user = requireUser(request);
      const list = await listManagedEvents(deps.db, user, request.query.page);
      return { ...list, can: { create: await mayCreateEvents(deps.db, user) } };
    },
  );

  app.post(
    '/api/events',
    { schema: { tags: TAGS, body: CreateEventBody, response: { 201: Event, ...MANAGE_ERRORS } } },
    async (request, reply) => {
      const user = requireUser(request);
      const event = await createEvent(deps, user, request.body);
      return reply.status(201).send(presentEvent(event, { manage: true }));
    },
  );

  app.get(
    '/api/events/:eventId',
    { schema: { tags: TAGS, params: EventParams, response: { 200: EventPage, ...READ_ERRORS } } },
    async (request) => {
      const access = await loadEventForViewer(deps.db, request.params.eventId, request.user);
      return loadEventPage(deps.db, deps.extensions.displays, access, request.user);
    },
  );

  app.patch(
    '/api/events/:eventId',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: UpdateEventBody,
        response: { 200: Event, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      const event = await updateEvent(deps, user, request.params.eventId, request.body);
      return presentEvent(event, { manage: true });
    },
  );

  app.delete(
    '/api/events/:eventId',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        querystring: DeleteQuery,
        response: { 204: z.null(), ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      await deleteEvent(deps, user, request.params.eventId, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
