// /v2/users routes: look a user up by id, e-mail or `me`, list users, read their settings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from './api';
import { zoomErrors } from './errors';
import { pageQuerySchema } from './paging';
import { SCOPES } from './scopes';
import type { SandboxState } from './state';
import type { UserStatus } from './types';
import { renderUser, renderUserSettings, renderUserSummary } from './user-store';

const userParams = z.object({ userId: z.string().min(1) });
const noParams = z.object({});
const noQuery = z.object({});
const STATUSES: readonly UserStatus[] = ['active', 'inactive', 'pending'];
const listQuery = pageQuerySchema.extend({ status: z.enum(STATUSES).optional() });

export function registerUserRoutes(app: FastifyInstance, state: SandboxState): void {
  apiRoute(app, state, {
    method: 'GET',
    url: '/v2/users/email',
    scopes: SCOPES.checkEmail,
    label: 'Light',
    params: noParams,
    query: z.object({ email: z.string().optional() }),
    handler: async ({ query }) => {
      const email = query.email ?? '';
      if (email === '') throw zoomErrors.invalidField('email');
      const lower = email.toLowerCase();
      return { existed_email: state.users.all().some((u) => u.email.toLowerCase() === lower) };
    },
  });

  apiRoute(app, state, {
    method: 'GET',
    url: '/v2/users/:userId',
    scopes: SCOPES.getUser,
    label: 'Light',
    params: userParams,
    query: noQuery,
    handler: async ({ params, auth }) =>
      renderUser(state.users.resolve(auth.accountId, params.userId), state.publicUrl),
  });

  apiRoute(app, state, {
    method: 'GET',
    url: '/v2/users/:userId/settings',
    scopes: SCOPES.userSettings,
    label: 'Medium',
    params: userParams,
    query: noQuery,
    handler: async ({ params, auth }) =>
      renderUserSettings(state.users.resolve(auth.accountId, params.userId)),
  });

  apiRoute(app, state, {
    method: 'GET',
    url: '/v2/users',
    scopes: SCOPES.listUsers,
    label: 'Medium',
    params: noParams,
    query: listQuery,
    handler: async ({ query, auth }) => {
      const wanted = query.status ?? 'active';
      const users = state.users.inAccount(auth.accountId).filter((u) => u.status === wanted);
      const page = state.pageTokens.paginate(
        users,
        query,
        `users:${auth.accountId}:${wanted}`,
        state.nowMs(),
      );
      return { ...page.envelope, users: page.items.map(renderUserSummary) };
    },
  });
}
