import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { App, AppDeps } from '../http/types';
import { CSRF_COOKIE, CSRF_HEADER, csrfMatches, isValidCsrfToken, newCsrfToken } from './csrf';
import { findSessionUser, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | undefined;
  }
  interface FastifyContextConfig {
    /** false for routes that other sites call by design (Zoom's webhook). */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(deps: AppDeps, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Loads the session's user into request.user and refuses state-changing requests without the CSRF token. */
export function installAuth(app: App, deps: AppDeps): void {
  app.decorateRequest('user', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const csrf = request.cookies[CSRF_COOKIE];
    if (!isValidCsrfToken(deps.config.sessionSecret, csrf)) {
      // Not httpOnly: the SPA reads it to echo it in the header.
      reply.setCookie(CSRF_COOKIE, newCsrfToken(deps.config.sessionSecret), {
        ...cookieOptions(deps),
        httpOnly: false,
      });
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSessionUser(deps.db, token, deps.clock()) : undefined;
    request.user = session?.user;
    // The cookie lives as long as the session: each extension of one extends the other.
    if (token && session?.extended)
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps, SESSION_TTL_MS / 1000));
    // Checked before the body is parsed, so a forged request learns nothing from validation errors.
    if (!UNSAFE.has(request.method) || request.routeOptions.config?.csrf === false) return;
    const header = request.headers[CSRF_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    if (!csrfMatches(deps.config.sessionSecret, request.cookies[CSRF_COOKIE], given)) {
      throw new AppError(
        'FORBIDDEN',
        'This request lacks a valid CSRF token: reload the page and try again.',
        { details: { reason: 'csrf' } },
      );
    }
  });
}
