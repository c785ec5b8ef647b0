// buildApp wires plugins and features; no logic lives here.
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAuth } from './auth/plugin';
import { registerAuthRoutes } from './auth/routes';
import type { TrustProxy } from './config';
import { registerEventsFeature } from './events';
import { installErrorHandler } from './http/error-handler';
import { registerHealthRoutes } from './http/health';
import { registerOpenApi } from './http/openapi';
import { registerRateLimits } from './http/rate-limits';
import { registerSecurityHeaders } from './http/security-headers';
import { readIndexHtml, registerSpa } from './http/spa';
import type { App, AppDeps } from './http/types';
import { wellFormedValidatorCompiler } from './http/well-formed';
import { loggerOptions } from './logger';
import { registerMailRoutes } from './mail/routes';
import { type BuildProviders, vcFeature } from './vc';
import { registerZoomFeature } from './vc/zoom';
import { registerZoomRoomsFeature } from './vc/zoom/rooms/register';
import type { MountZoomStandIn } from './vc/zoom/runtime';
import { vcProviders } from './vc-providers';

/**
 * Each feature registers its own routes under /api; one line per feature. A feature decorates the app with
 * what others use (`app.eventExtensions`, `app.zoom`, `app.vc`), so it comes before them: one that misses
 * a feature it needs says so when the app is built.
 */
function features(opts: BuildAppOptions): Array<(app: App, deps: AppDeps) => void | Promise<void>> {
  return [
    registerAuthRoutes,
    registerEventsFeature,
    registerMailRoutes,
    (app, deps) => registerZoomFeature(app, deps, { standIn: opts.zoomStandIn }),
    vcFeature(opts.vcProviders ?? vcProviders),
    registerZoomRoomsFeature,
  ];
}

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /**
   * What answers as Zoom while no Zoom credentials are configured (src/server/main.ts mounts the Zoom
   * sandbox); none: Zoom calls fail until credentials are saved.
   */
  zoomStandIn?: MountZoomStandIn;
  /** The videoconference providers (default: this server's, src/server/vc-providers.ts). */
  vcProviders?: BuildProviders;
}

/** Fastify takes a hop count at run time but not in its types: the same rule, as its function. */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(deps.config.logLevel),
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Requests in flight finish on close(); new ones get 503 meanwhile.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(wellFormedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const indexHtml = readIndexHtml();
  await registerSecurityHeaders(app, { https: deps.config.secureCookies, indexHtml });
  await registerRateLimits(app);
  await app.register(fastifyCookie, { secret: deps.config.sessionSecret });
  await registerOpenApi(app);
  installAuth(app, deps);

  registerHealthRoutes(app, deps);
  for (const register of features(opts)) await register(app, deps);

  await registerSpa(app, indexHtml);
  return app;
}
