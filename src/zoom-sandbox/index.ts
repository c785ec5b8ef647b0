// The Zoom sandbox: an in-memory emulation of the slice of Zoom's API that Convene uses
// (OAuth, users, meetings, webinars, rate limits, signed webhooks), with test controls.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type ZoomSandboxPluginOptions, zoomSandboxPlugin } from './plugin';

export type { ActiveFault, FaultSpec } from './faults';
export type { LoggedRequest, RequestFilter } from './request-log';
export { DEFAULT_GRANTED_SCOPES, SCOPES } from './scopes';
export { createSandboxState, SandboxState } from './state';
export type {
  MeetingRecord,
  PasswordRequirement,
  PlanName,
  SandboxCredentials,
  SandboxOptions,
  SandboxUser,
  SandboxUserSeed,
  WebhookOptions,
} from './types';
export { userSeedFileSchema, userSeedSchema } from './user-store';
export type { UrlValidationResult, WebhookAttempt, WebhookDelivery } from './webhooks';
export { encryptPlainToken, signWebhook } from './webhooks';
export type { ZoomSandboxPluginOptions };
export { zoomSandboxPlugin };

export interface BuildZoomSandboxOptions extends ZoomSandboxPluginOptions {
  /** Passed to Fastify, e.g. { logger: true }. */
  fastify?: FastifyServerOptions;
}

/** A standalone Fastify instance serving the sandbox at `/`. */
export async function buildZoomSandbox(options: BuildZoomSandboxOptions = {}): Promise<FastifyInstance> {
  const { fastify: fastifyOptions, ...pluginOptions } = options;
  const app = Fastify(fastifyOptions ?? { logger: false });
  await app.register(zoomSandboxPlugin, pluginOptions);
  return app;
}
