// The sandbox as a Fastify plugin. It is encapsulated: its body parsers, error handler and hooks
// apply to its own routes only, so the main app can register it under a prefix such as /zoom-sandbox.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { registerControlRoutes } from './control-routes';
import { OAuthError, ZoomApiError, zoomErrors } from './errors';
import { randomTrackingId } from './ids';
import { registerMeetingRoutes } from './meetings';
import { registerOAuthRoutes } from './oauth';
import { registerPages } from './pages';
import { checkRequestBody } from './request-schema';
import { createSandboxState, type SandboxState } from './state';
import type { SandboxOptions } from './types';
import { registerUserRoutes } from './users';

export interface ZoomSandboxPluginOptions extends SandboxOptions {
  /** Use this state (seeded and inspected by the caller) instead of creating one from the options. */
  state?: SandboxState;
}

const CONTROL_PREFIX = '/_sandbox';

function relativePath(prefix: string, url: string): string {
  const path = url.split('?')[0] ?? url;
  return prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
}

function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** Zoom answers bodies it cannot read with its own errors, so bodies arrive here as text. */
function registerParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parseForm(String(body))),
  );
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ZoomApiError)
    return reply.code(error.httpStatus).headers(error.headers).send(error.body());
  if (error instanceof OAuthError) return reply.code(error.httpStatus).send(error.body());
  const statusCode =
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    typeof error.statusCode === 'number'
      ? error.statusCode
      : 500;
  if (statusCode === 413) return reply.code(413).send({ code: 300, message: 'Request Body is too large.' });
  request.log.error({ err: error }, 'Zoom sandbox: unexpected error');
  return reply.code(500).send({ code: 500, message: 'Internal Error' });
}

function registerHooks(app: FastifyInstance, state: SandboxState): void {
  const prefix = app.prefix;
  const isControl = (request: FastifyRequest) => relativePath(prefix, request.url).startsWith(CONTROL_PREFIX);

  // Bodies against Zoom's published document, when a validator is installed (request-schema.ts).
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url;
    if (isControl(request) || route === undefined) return;
    const errors = checkRequestBody(request.method, relativePath(prefix, route), request.body);
    if (errors.length) throw zoomErrors.validation(errors);
  });

  // Zoom tags every response with a tracking id (zoom_api.md §2.5).
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-zm-trackingid', randomTrackingId());
  });

  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request)) return;
    const path = relativePath(prefix, request.url);
    const fault = state.faults.take(request.method, path);
    if (!fault) return;
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.dropConnection) {
      state.requests.add({
        at: state.clock.now().toISOString(),
        method: request.method,
        path,
        route: undefined,
        status: 0,
      });
      reply.hijack();
      request.raw.destroy();
      reply.raw.destroy();
      return reply;
    }
    if (fault.status !== undefined) {
      const body = fault.body ?? { code: fault.status, message: 'Injected fault' };
      return reply
        .code(fault.status)
        .headers(fault.headers ?? {})
        .send(body);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    if (isControl(request)) return;
    const route = request.routeOptions.url;
    state.requests.add({
      at: state.clock.now().toISOString(),
      method: request.method,
      path: relativePath(prefix, request.url),
      route: route === undefined ? undefined : relativePath(prefix, route),
      status: reply.statusCode,
    });
  });
}

export const zoomSandboxPlugin: FastifyPluginAsync<ZoomSandboxPluginOptions> = async (app, options) => {
  const { state: given, ...sandboxOptions } = options;
  const state = given ?? createSandboxState(sandboxOptions);
  // A state created here is ours to stop; a given one belongs to the caller.
  if (!given) app.addHook('onClose', async () => state.close());

  registerParsers(app);
  registerHooks(app, state);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((_request, reply) => sendError(zoomErrors.routeNotFound(), _request, reply));

  registerOAuthRoutes(app, state);
  registerUserRoutes(app, state);
  registerMeetingRoutes(app, state);
  registerPages(app, state);
  if (state.testControls) registerControlRoutes(app, state);
};
