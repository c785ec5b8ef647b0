// Single sign-on routes: the login options, the start of a login at a provider, the provider's callback, and
// the provider's logout URL for the current session. A failed login always ends on /login?sso_error=<code>
// (the page says what happened) with a warning in the log, never on a 500 and never with a session.
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AuthOptions,
  EndSessionResponse,
  SsoCallbackQuery,
  SsoLoginQuery,
  SsoProviderParams,
} from '../../../contracts/identity';
import type { OidcProviderConfig } from '../../config';
import type { App, AppDeps } from '../../http/types';
import { readAuthSettings } from '../auth-settings';
import { ssoSessions } from '../identity-schema';
import { cookieOptions } from '../plugin';
import { createSession, SESSION_COOKIE, SESSION_TTL_MS, sessionIdOf } from '../sessions';
import { accountForIdentity, SsoFailure } from './accounts';
import { type LoginChecks, OidcClients } from './client';
import { ssoFailureOf } from './failures';

const LOGIN_COOKIE = 'convene_sso';
/** How long a login may stay at the provider (typing a password, a second factor) before it is refused. */
const LOGIN_TTL_MS = 15 * 60 * 1000;
const CALLBACK_PATH = (id: string) => `/api/auth/oidc/${id}/callback`;

const Redirect = z.null().describe('Redirect (Location header)');

interface PendingLogin extends LoginChecks {
  provider: string;
  next: string;
  startedAt: number;
}

const PendingLoginSchema = z.object({
  provider: z.string(),
  next: z.string(),
  startedAt: z.number(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
});

/** A path inside Convene to go to after login; anything else (another site, //host) becomes "/". */
function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function registerOidcRoutes(app: App, deps: AppDeps): void {
  const providers = deps.config.oidcProviders;
  const byId = (id: string) => providers.find((p) => p.id === id);
  const clients = new OidcClients((p) => `${deps.config.baseUrl}${CALLBACK_PATH(p.id)}`);
  const loginCookie = { ...cookieOptions(deps), path: '/api/auth/oidc/', signed: true };

  const fail = (reply: FastifyReply, log: FastifyBaseLogger, provider: string, err: unknown) => {
    const failure = ssoFailureOf(err);
    log.warn({ provider, reason: failure.code, detail: failure.detail }, 'single sign-on failed');
    reply.clearCookie(LOGIN_COOKIE, loginCookie);
    const query = new URLSearchParams({ sso_error: failure.code, provider });
    return reply.header('cache-control', 'no-store').redirect(`/login?${query}`, 302);
  };

  app.get(
    '/api/auth/options',
    {
      schema: {
        tags: ['auth'],
        summary: 'How people may log in: identity providers, passwords, sign-up',
        response: { 200: AuthOptions },
      },
    },
    async () => {
      const settings = await readAuthSettings(deps.db);
      return {
        providers: providers.map((p) => ({ id: p.id, name: p.name })),
        localPasswords: settings.localPasswords || providers.length === 0,
        signup: settings.signupEnabled && (settings.localPasswords || providers.length === 0),
      };
    },
  );

  app.get(
    '/api/auth/oidc/:provider/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start a login at an identity provider (redirects there)',
        params: SsoProviderParams,
        querystring: SsoLoginQuery,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const provider = byId(request.params.provider);
      if (!provider)
        return fail(
          reply,
          request.log,
          request.params.provider,
          new SsoFailure('unknown_provider', 'not configured'),
        );
      let start: Awaited<ReturnType<OidcClients['startLogin']>>;
      try {
        start = await clients.startLogin(provider);
      } catch (err) {
        const failure = ssoFailureOf(err);
        return fail(
          reply,
          request.log,
          provider.id,
          new SsoFailure('unavailable', `discovery: ${failure.detail}`),
        );
      }
      const pending: PendingLogin = {
        ...start.checks,
        provider: provider.id,
        next: safeNext(request.query.next),
        startedAt: deps.clock().getTime(),
      };
      reply.setCookie(LOGIN_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        ...loginCookie,
        maxAge: LOGIN_TTL_MS / 1000,
      });
      return reply.header('cache-control', 'no-store').redirect(start.url, 302);
    },
  );

  /** The login this browser started, from its signed cookie; undefined when absent, forged or too old. */
  const pendingLogin = (raw: string | undefined, provider: OidcProviderConfig): PendingLogin | undefined => {
    if (!raw) return undefined;
    const unsigned = app.unsignCookie(raw);
    if (!unsigned.valid || unsigned.value === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString());
    } catch {
      return undefined;
    }
    const parsed = PendingLoginSchema.safeParse(json);
    if (!parsed.success || parsed.data.provider !== provider.id) return undefined;
    if (deps.clock().getTime() - parsed.data.startedAt > LOGIN_TTL_MS) return undefined;
    return parsed.data;
  };

  app.get(
    '/api/auth/oidc/:provider/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back (register this redirect URI)',
        params: SsoProviderParams,
        querystring: SsoCallbackQuery,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const provider = byId(request.params.provider);
      if (!provider)
        return fail(
          reply,
          request.log,
          request.params.provider,
          new SsoFailure('unknown_provider', 'not configured'),
        );
      const pending = pendingLogin(request.cookies[LOGIN_COOKIE], provider);
      // The login cookie is used once: whatever happens next, this answer removes it.
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      if (!pending) {
        // The provider's own refusal (the person cancelled) says more than the missing cookie.
        const error = request.query.error;
        if (error === 'access_denied')
          return fail(reply, request.log, provider.id, new SsoFailure('cancelled', 'access_denied'));
        return fail(reply, request.log, provider.id, new SsoFailure('expired', 'no valid login cookie'));
      }
      try {
        const search = new URL(request.url, deps.config.baseUrl).search;
        const callbackUrl = new URL(`${deps.config.baseUrl}${CALLBACK_PATH(provider.id)}${search}`);
        const verified = await clients.finishLogin(provider, callbackUrl, pending);
        const account = await accountForIdentity(deps.db, provider, verified, deps.clock());
        const session = await createSession(deps.db, account.userId, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
          now: deps.clock(),
        });
        await deps.db
          .insert(ssoSessions)
          .values({ sessionId: sessionIdOf(session.token), provider: provider.id });
        request.log.info(
          { provider: provider.id, userId: account.userId, created: account.created, linked: account.linked },
          'single sign-on',
        );
        reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(deps, SESSION_TTL_MS / 1000));
        return reply.header('cache-control', 'no-store').redirect(pending.next, 302);
      } catch (err) {
        return fail(reply, request.log, provider.id, err);
      }
    },
  );

  app.get(
    '/api/auth/oidc/end-session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where to go after logging out to end the identity provider’s session too',
        response: { 200: EndSessionResponse },
      },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token || !request.user) return { url: null };
      const [row] = await deps.db
        .select({ provider: ssoSessions.provider })
        .from(ssoSessions)
        .where(eq(ssoSessions.sessionId, sessionIdOf(token)));
      const provider = row ? byId(row.provider) : undefined;
      if (!provider) return { url: null };
      try {
        return { url: await clients.endSessionUrl(provider, `${deps.config.baseUrl}/`) };
      } catch (err) {
        request.log.warn(
          { provider: provider.id, err: ssoFailureOf(err).detail },
          'provider logout unavailable',
        );
        return { url: null };
      }
    },
  );
}
