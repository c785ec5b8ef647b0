// The Zoom feature: how this server reaches Zoom (real Zoom, or the stand-in the process entry mounted), the
// admin settings, and the webhook endpoint with its dispatcher. It decorates the app with `zoom`, which the
// Zoom provider (rooms/) is built from.
import { ZoomStatus } from '../../../contracts/vc-zoom';
import type { App, AppDeps } from '../../http/types';
import { registerZoomAdminRoutes } from './admin-routes';
import type { ZoomClient } from './client';
import { zoomClientGetter } from './client-factory';
import { type MountZoomStandIn, startZoomRuntime, type ZoomRuntime } from './runtime';
import { ZoomWebhookDispatcher } from './webhook-dispatcher';
import { registerZoomWebhook } from './webhook-route';

/** The Zoom feature of one app. */
export interface ZoomFeature {
  /** How this server reaches Zoom: real Zoom, or the stand-in the process entry mounted. */
  runtime: ZoomRuntime;
  /** The Zoom client of the credentials in force (the sandbox's in sandbox mode), reused while they stay the same. */
  client(): Promise<ZoomClient>;
  /** The Zoom webhook handlers: `webhooks.on(event, handler)` runs the handler (in a job) per notification. */
  webhooks: ZoomWebhookDispatcher;
}

declare module 'fastify' {
  interface FastifyInstance {
    zoom: ZoomFeature;
  }
}

/** `standIn` is what answers as Zoom while none is configured (the process entry mounts the sandbox). */
export async function registerZoomFeature(
  app: App,
  deps: AppDeps,
  opts: { standIn?: MountZoomStandIn } = {},
): Promise<void> {
  const runtime = await startZoomRuntime(app, deps, opts.standIn);
  app.addHook('onClose', async () => runtime.close());
  const webhooks = new ZoomWebhookDispatcher();
  app.decorate('zoom', { runtime, client: zoomClientGetter(runtime, deps), webhooks });

  app.get(
    '/api/vc/zoom/status',
    {
      schema: {
        tags: ['zoom'],
        summary: 'Whether Convene talks to Zoom or to its built-in Zoom sandbox',
        response: { 200: ZoomStatus },
      },
    },
    async () => ({ mode: (await runtime.current()).mode }),
  );
  registerZoomAdminRoutes(app, deps, runtime);
  await registerZoomWebhook(app, deps, runtime, webhooks);
}
