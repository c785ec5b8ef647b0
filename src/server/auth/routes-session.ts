import { z } from 'zod';
import { LoggedInResponse, LoginRequest, SessionResponse, SetupRequest } from '../../contracts/auth';
import { errorResponses, WRITE_ERRORS } from '../http/responses';
import type { App, AppDeps } from '../http/types';
import { login, needsSetup, setupAdministrator } from './accounts';
import { assertPasswordLoginAllowed } from './auth-settings';
import { cookieOptions } from './plugin';
import { deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from './sessions';

export function registerSessionRoutes(app: App, deps: AppDeps): void {
  const clientOf = (request: { ip: string; headers: { 'user-agent'?: string } }) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });
  // The cookie lives as long as the session would without use; the server extends the session on use.
  const sessionCookie = cookieOptions(deps, SESSION_TTL_MS / 1000);

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, and whether Convene still needs its first-run setup',
        response: { 200: SessionResponse },
      },
    },
    async (request) => ({
      user: request.user ?? null,
      needsSetup: request.user ? false : await needsSetup(deps.db),
    }),
  );

  app.post(
    '/api/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'First run: create the administrator account and log in',
        body: SetupRequest,
        response: { 201: LoggedInResponse, ...errorResponses(...WRITE_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const session = await setupAdministrator(deps, request.body, clientOf(request));
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookie);
      return reply.status(201).send({ user: session.user });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with any of the account’s e-mail addresses',
        body: LoginRequest,
        response: { 200: LoggedInResponse, ...errorResponses(...WRITE_ERRORS, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await login(deps, request.body, clientOf(request));
      await assertPasswordLoginAllowed(deps, session);
      // Logging in again replaces the browser's session: the previous token must not stay valid.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(deps.db, previous);
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookie);
      return { user: session.user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 204: z.null().describe('Logged out'), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(deps.db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(deps));
      return reply.status(204).send(null);
    },
  );
}
