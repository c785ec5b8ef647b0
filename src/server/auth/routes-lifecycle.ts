// Routes of sign-up, password reset, invitations, linked identities and the accounts settings.

import { z } from 'zod';
import { IdParams, LoggedInResponse } from '../../contracts/auth';
import {
  AcceptedResponse,
  AuthAdminSettings,
  AuthSettingsValues,
  InvitationAccept,
  InvitationRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignupRequest,
  TokenRequest,
  UserIdentities,
  UserIdentityParams,
} from '../../contracts/identity';
import { RATE_LIMITS } from '../http/rate-limits';
import { errorResponses, WRITE_ERRORS } from '../http/responses';
import type { App, AppDeps } from '../http/types';
import { readAuthSettings, updateAuthSettings } from './auth-settings';
import { requireAdmin } from './guards';
import { listIdentities, removeIdentity } from './identities';
import {
  acceptInvitation,
  confirmPasswordReset,
  confirmSignup,
  invite,
  RESET_ACCEPTED,
  requestPasswordReset,
  SIGNUP_ACCEPTED,
  signUp,
} from './lifecycle';
import { cookieOptions } from './plugin';
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions';

export function registerLifecycleRoutes(app: App, deps: AppDeps): void {
  const clientOf = (request: { ip: string; headers: { 'user-agent'?: string } }) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });
  const sessionCookie = cookieOptions(deps, SESSION_TTL_MS / 1000);
  const providers = () => deps.config.oidcProviders.map((p) => ({ id: p.id, name: p.name }));

  app.post(
    '/api/auth/signup',
    {
      config: { rateLimit: RATE_LIMITS.accountMail },
      schema: {
        tags: ['auth'],
        summary: 'Create an account: mails a link that confirms the address and creates the account',
        body: SignupRequest,
        response: { 202: AcceptedResponse, ...errorResponses(...WRITE_ERRORS, 429) },
      },
    },
    async (request, reply) => {
      await signUp(deps, request.body);
      return reply.status(202).send({ message: SIGNUP_ACCEPTED });
    },
  );

  app.post(
    '/api/auth/signup/confirm',
    {
      config: { rateLimit: RATE_LIMITS.accountToken },
      schema: {
        tags: ['auth'],
        summary: 'Follow the sign-up link: create the account and log in',
        body: TokenRequest,
        response: { 201: LoggedInResponse, ...errorResponses(...WRITE_ERRORS, 409, 429) },
      },
    },
    async (request, reply) => {
      const session = await confirmSignup(deps, request.body.token, clientOf(request));
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookie);
      return reply.status(201).send({ user: session.user });
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit: RATE_LIMITS.accountMail },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link (same answer whether the address has an account or not)',
        body: PasswordResetRequest,
        response: { 202: AcceptedResponse, ...errorResponses(...WRITE_ERRORS, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email);
      return reply.status(202).send({ message: RESET_ACCEPTED });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit: RATE_LIMITS.accountToken },
      schema: {
        tags: ['auth'],
        summary: 'Follow the reset link: set the new password, end every other session and log in',
        body: PasswordResetConfirm,
        response: { 200: LoggedInResponse, ...errorResponses(...WRITE_ERRORS, 429) },
      },
    },
    async (request, reply) => {
      const session = await confirmPasswordReset(deps, request.body, clientOf(request));
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookie);
      return { user: session.user };
    },
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { rateLimit: RATE_LIMITS.accountToken },
      schema: {
        tags: ['auth'],
        summary: 'Follow an invitation link: create the account and log in',
        body: InvitationAccept,
        response: { 201: LoggedInResponse, ...errorResponses(...WRITE_ERRORS, 409, 429) },
      },
    },
    async (request, reply) => {
      const session = await acceptInvitation(deps, request.body, clientOf(request));
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookie);
      return reply.status(201).send({ user: session.user });
    },
  );

  app.post(
    '/api/admin/invitations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Invite someone by e-mail to create their account',
        body: InvitationRequest,
        response: { 201: AcceptedResponse, ...errorResponses(...WRITE_ERRORS, 401, 409) },
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      await invite(deps, admin, request.body);
      return reply.status(201).send({ message: `An invitation was sent to ${request.body.email}.` });
    },
  );

  app.get(
    '/api/admin/users/:id/identities',
    {
      schema: {
        tags: ['admin'],
        summary: 'The identity-provider accounts linked to a user',
        params: IdParams,
        response: { 200: UserIdentities, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { identities: await listIdentities(deps, request.params.id) };
    },
  );

  app.delete(
    '/api/admin/users/:id/identities/:identityId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Unlink an identity-provider account from a user',
        params: UserIdentityParams,
        response: { 204: z.null().describe('Unlinked'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await removeIdentity(deps.db, request.params.id, request.params.identityId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/auth-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Accounts settings: passwords beside single sign-on, sign-up',
        response: { 200: AuthAdminSettings, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return {
        settings: await readAuthSettings(deps.db),
        providers: providers(),
        mailDelivers: deps.mailer.delivers,
      };
    },
  );

  app.put(
    '/api/admin/auth-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the accounts settings',
        body: AuthSettingsValues,
        response: { 200: AuthAdminSettings, ...errorResponses(...WRITE_ERRORS, 401) },
      },
    },
    async (request) => {
      requireAdmin(request);
      request.log.info({ settings: request.body }, 'accounts settings changed');
      return {
        settings: await updateAuthSettings(deps, request.body),
        providers: providers(),
        mailDelivers: deps.mailer.delivers,
      };
    },
  );
}
