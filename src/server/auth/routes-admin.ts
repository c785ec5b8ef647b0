import {
  AdminUser,
  AdminUsersPage,
  AdminUsersQuery,
  CreateUserRequest,
  IdParams,
  UpdateUserRequest,
} from '../../contracts/auth';
import { errorResponses, WRITE_ERRORS } from '../http/responses';
import type { App, AppDeps } from '../http/types';
import { createUser, listUsers, updateUser } from './admin-users';
import { requireAdmin } from './guards';

export function registerAdminUserRoutes(app: App, deps: AppDeps): void {
  const tags = ['admin'];

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Users, searched by name or e-mail, a page at a time',
        querystring: AdminUsersQuery,
        response: { 200: AdminUsersPage, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return listUsers(deps, request.query);
    },
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a user account',
        body: CreateUserRequest,
        response: { 201: AdminUser, ...errorResponses(...WRITE_ERRORS, 401, 409) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await createUser(deps, request.body));
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Grant or revoke admin rights, block or unblock a user',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: AdminUser, ...errorResponses(...WRITE_ERRORS, 401, 404) },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      return updateUser(deps, admin.id, request.params.id, request.body);
    },
  );
}
