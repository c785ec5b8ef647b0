// Wires the Zoom provider (built by the module's registry) to the Zoom feature: its client, the mailer, its
// jobs, the webhooks, the time-change hooks and its routes. Called by registerZoomFeature.
import type { App, AppDeps } from '../../../http/types';
import { vcOf } from '../..';
import type { ZoomClient } from '../client';
import type { ZoomRuntime } from '../runtime';
import type { ZoomWebhookHandler } from '../webhook-dispatcher';
import { sweepLostCreate } from './refresh-delete';
import { defineRescheduleJob, subscribeToTimeChanges } from './reschedule';
import { ZOOM_PROVIDER } from './room-data';
import { registerZoomRoomRoutes } from './routes';
import { providerStateOf, requireServices, SweepPayload, type ZoomServices } from './services';
import { subscribeZoomWebhooks } from './webhooks';

export function bindZoomRooms(
  app: App,
  deps: AppDeps,
  zoom: {
    runtime: ZoomRuntime;
    client: () => Promise<ZoomClient>;
    onWebhook: (event: string, handler: ZoomWebhookHandler) => void;
  },
): void {
  const vc = vcOf(app);
  const provider = vc.providers.get(ZOOM_PROVIDER);
  const state = provider ? providerStateOf(provider) : undefined;
  if (!provider || !state) return;
  const services = () => requireServices(state);
  const sweepLostCreateJob = deps.jobs.define({
    name: 'zoom.sweepLostCreate',
    payload: SweepPayload,
    maxAttempts: 10,
    run: async (payload, ctx) => {
      await sweepLostCreate(services(), payload, ctx.log);
    },
  });
  const bound: ZoomServices = {
    config: deps.config,
    client: zoom.client,
    mailer: deps.mailer,
    runtime: zoom.runtime,
    vc,
    jobs: { sweepLostCreate: sweepLostCreateJob },
  };
  state.services = bound;
  const reschedule = defineRescheduleJob(deps.jobs, () => ({ services: services(), provider }));
  subscribeToTimeChanges(reschedule);
  subscribeZoomWebhooks(zoom.onWebhook, services, provider);
  registerZoomRoomRoutes(app, services);
}
