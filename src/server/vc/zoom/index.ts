// The Zoom provider's feature: its runtime (real Zoom or the in-process sandbox), the admin settings, the
// webhook endpoint with its dispatcher, and the binding of the rooms provider (rooms/) to all of these.
import { ZoomStatus } from '../../../contracts/vc-zoom';
import type { App, AppDeps } from '../../http/types';
import { registerZoomAdminRoutes } from './admin-routes';
import type { ZoomClient } from './client';
import { type ZoomClientGetter, zoomClientGetter } from './client-factory';
import { bindZoomRooms } from './rooms/register';
import { startZoomRuntime, type ZoomRuntime } from './runtime';
import { ZoomWebhookDispatcher, type ZoomWebhookHandler } from './webhook-dispatcher';
import { registerZoomWebhook } from './webhook-route';

const runtimes = new WeakMap<App, ZoomRuntime>();
const dispatchers = new WeakMap<App, ZoomWebhookDispatcher>();
const clients = new WeakMap<App, ZoomClientGetter>();

/** The Zoom runtime of an app built with this feature (tests and the CLI reach the sandbox through it). */
export function zoomRuntimeOf(app: App): ZoomRuntime {
  const runtime = runtimes.get(app);
  if (!runtime) throw new Error('this app was built without the Zoom feature');
  return runtime;
}

/** The Zoom client of the credentials in force (the sandbox's in sandbox mode), reused while they stay the same. */
export function zoomClientOf(app: App): Promise<ZoomClient> {
  const get = clients.get(app);
  if (!get) throw new Error('this app was built without the Zoom feature');
  return get();
}

/** The registry of Zoom webhook handlers of an app built with this feature. */
export function zoomWebhooksOf(app: App): ZoomWebhookDispatcher {
  const dispatcher = dispatchers.get(app);
  if (!dispatcher) throw new Error('this app was built without the Zoom feature');
  return dispatcher;
}

/** Runs `handler` (in a job) for every verified Zoom notification of `eventName`; returns the unsubscribe. */
export function onZoomWebhook(app: App, eventName: string, handler: ZoomWebhookHandler): () => void {
  return zoomWebhooksOf(app).on(eventName, handler);
}

export async function registerZoomFeature(app: App, deps: AppDeps): Promise<void> {
  const runtime = await startZoomRuntime(app, deps);
  runtimes.set(app, runtime);
  app.addHook('onClose', async () => runtime.close());
  const dispatcher = new ZoomWebhookDispatcher();
  dispatchers.set(app, dispatcher);
  clients.set(app, zoomClientGetter(runtime, deps));

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
  bindZoomRooms(app, deps, {
    runtime,
    client: () => zoomClientOf(app),
    onWebhook: (event, handler) => dispatcher.on(event, handler),
  });
  await registerZoomWebhook(app, deps, runtime, dispatcher);
}
