// The timetable: public pages of contributions and session blocks, and the managers' CRUD.
import { z } from 'zod';
import {
  Block,
  BlockPage,
  BlockParams,
  Contribution,
  ContributionPage,
  ContributionParams,
  CreateBlockBody,
  CreateContributionBody,
  CreateSessionBody,
  DeleteQuery,
  EventParams,
  Session,
  SessionParams,
  UpdateBlockBody,
  UpdateContributionBody,
  UpdateSessionBody,
} from '../../../contracts/events';
import type { App } from '../../http/types';
import { createBlock, deleteBlock, updateBlock } from '../blocks-service';
import { createContribution, deleteContribution, updateContribution } from '../contributions-service';
import { loadBlockPage, loadContributionPage } from '../display-service';
import type { EventsDeps } from '../extensions';
import { loadEventForViewer } from '../permissions';
import { presentBlock, presentSession } from '../present';
import { createSession, deleteSession, updateSession } from '../sessions-service';
import { MANAGE_ERRORS, managerOf, READ_ERRORS, TAGS } from './route-helpers';

const NoContent = { 204: z.null() };

export function registerTimetableRoutes(app: App, deps: EventsDeps): void {
  app.get(
    '/api/events/:eventId/contributions/:contributionId',
    {
      schema: { tags: TAGS, params: ContributionParams, response: { 200: ContributionPage, ...READ_ERRORS } },
    },
    async (request) => {
      const access = await loadEventForViewer(deps.db, request.params.eventId, request.user);
      return loadContributionPage(
        deps.db,
        deps.extensions.displays,
        access,
        request.params.contributionId,
        request.user,
      );
    },
  );

  app.get(
    '/api/events/:eventId/blocks/:blockId',
    { schema: { tags: TAGS, params: BlockParams, response: { 200: BlockPage, ...READ_ERRORS } } },
    async (request) => {
      const access = await loadEventForViewer(deps.db, request.params.eventId, request.user);
      return loadBlockPage(deps.db, deps.extensions.displays, access, request.params.blockId, request.user);
    },
  );

  // ---- sessions ----
  app.post(
    '/api/events/:eventId/sessions',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: CreateSessionBody,
        response: { 201: Session, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      const session = await createSession(deps, user, request.params.eventId, request.body);
      return reply.status(201).send(presentSession(session));
    },
  );

  app.patch(
    '/api/events/:eventId/sessions/:sessionId',
    {
      schema: {
        tags: TAGS,
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: Session, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, sessionId } = request.params;
      const { user } = await managerOf(deps, request, eventId);
      return presentSession(await updateSession(deps, user, eventId, sessionId, request.body));
    },
  );

  app.delete(
    '/api/events/:eventId/sessions/:sessionId',
    {
      schema: {
        tags: TAGS,
        params: SessionParams,
        querystring: DeleteQuery,
        response: { ...NoContent, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { eventId, sessionId } = request.params;
      const { user } = await managerOf(deps, request, eventId);
      await deleteSession(deps, user, eventId, sessionId, request.query.version);
      return reply.status(204).send(null);
    },
  );

  // ---- session blocks ----
  app.post(
    '/api/events/:eventId/blocks',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: CreateBlockBody,
        response: { 201: Block, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { user, access } = await managerOf(deps, request, request.params.eventId);
      const block = await createBlock(deps, user, request.params.eventId, request.body);
      return reply.status(201).send(presentBlock(block, access.event.timezone));
    },
  );

  app.patch(
    '/api/events/:eventId/blocks/:blockId',
    {
      schema: {
        tags: TAGS,
        params: BlockParams,
        body: UpdateBlockBody,
        response: { 200: Block, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, blockId } = request.params;
      const { user, access } = await managerOf(deps, request, eventId);
      const block = await updateBlock(deps, user, eventId, blockId, request.body);
      return presentBlock(block, access.event.timezone);
    },
  );

  app.delete(
    '/api/events/:eventId/blocks/:blockId',
    {
      schema: {
        tags: TAGS,
        params: BlockParams,
        querystring: DeleteQuery,
        response: { ...NoContent, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { eventId, blockId } = request.params;
      const { user } = await managerOf(deps, request, eventId);
      await deleteBlock(deps, user, eventId, blockId, request.query.version);
      return reply.status(204).send(null);
    },
  );

  // ---- contributions ----
  app.post(
    '/api/events/:eventId/contributions',
    {
      schema: {
        tags: TAGS,
        params: EventParams,
        body: CreateContributionBody,
        response: { 201: Contribution, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { user } = await managerOf(deps, request, request.params.eventId);
      const contribution = await createContribution(deps, user, request.params.eventId, request.body);
      return reply.status(201).send(contribution);
    },
  );

  app.patch(
    '/api/events/:eventId/contributions/:contributionId',
    {
      schema: {
        tags: TAGS,
        params: ContributionParams,
        body: UpdateContributionBody,
        response: { 200: Contribution, ...MANAGE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, contributionId } = request.params;
      const { user } = await managerOf(deps, request, eventId);
      return updateContribution(deps, user, eventId, contributionId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/contributions/:contributionId',
    {
      schema: {
        tags: TAGS,
        params: ContributionParams,
        querystring: DeleteQuery,
        response: { ...NoContent, ...MANAGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { eventId, contributionId } = request.params;
      const { user } = await managerOf(deps, request, eventId);
      await deleteContribution(deps, user, eventId, contributionId, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
