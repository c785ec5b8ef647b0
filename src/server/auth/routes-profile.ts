import { z } from 'zod';
import {
  AddEmailRequest,
  ChangePasswordRequest,
  IdParams,
  Profile,
  UpdateProfileRequest,
  UserSearchQuery,
  UserSearchResponse,
} from '../../contracts/auth';
import { RATE_LIMITS } from '../http/rate-limits';
import { errorResponses, WRITE_ERRORS } from '../http/responses';
import type { App, AppDeps } from '../http/types';
import { requireUser } from './guards';
import {
  addEmail,
  changePassword,
  getProfile,
  makeEmailPrimary,
  removeEmail,
  updateProfile,
} from './profile';
import { SESSION_COOKIE } from './sessions';
import { searchUsers } from './user-search';

export function registerProfileRoutes(app: App, deps: AppDeps): void {
  const tags = ['profile'];

  app.get(
    '/api/me',
    { schema: { tags, summary: 'My profile', response: { 200: Profile, ...errorResponses(401) } } },
    async (request) => getProfile(deps, requireUser(request).id),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change my name or affiliation',
        body: UpdateProfileRequest,
        response: { 200: Profile, ...errorResponses(...WRITE_ERRORS, 401) },
      },
    },
    async (request) => updateProfile(deps, requireUser(request).id, request.body),
  );

  app.post(
    '/api/me/emails',
    {
      schema: {
        tags,
        summary: 'Add a secondary e-mail address',
        body: AddEmailRequest,
        response: { 201: Profile, ...errorResponses(...WRITE_ERRORS, 401, 409) },
      },
    },
    async (request, reply) => {
      const profile = await addEmail(deps, requireUser(request).id, request.body.email);
      return reply.status(201).send(profile);
    },
  );

  app.delete(
    '/api/me/emails/:id',
    {
      schema: {
        tags,
        summary: 'Remove a secondary e-mail address',
        params: IdParams,
        response: { 200: Profile, ...errorResponses(...WRITE_ERRORS, 401, 404, 409) },
      },
    },
    async (request) => removeEmail(deps, requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/me/emails/:id/primary',
    {
      schema: {
        tags,
        summary: 'Make an e-mail address the primary one',
        params: IdParams,
        response: { 200: Profile, ...errorResponses(...WRITE_ERRORS, 401, 404) },
      },
    },
    async (request) => makeEmailPrimary(deps, requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password; my other sessions are ended',
        body: ChangePasswordRequest,
        response: { 204: z.null().describe('Password changed'), ...errorResponses(...WRITE_ERRORS, 401) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await changePassword(deps, user.id, request.body, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users/search',
    {
      config: { rateLimit: RATE_LIMITS.userSearch },
      schema: {
        tags: ['users'],
        summary:
          'Find people by name, or by a whole e-mail address (for pickers); e-mails shown to administrators only',
        querystring: UserSearchQuery,
        response: { 200: UserSearchResponse, ...errorResponses(401, 422, 429) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { users: await searchUsers(deps, request.query.q, user) };
    },
  );
}
