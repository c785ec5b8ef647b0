// The Zoom rooms' part of the app beyond the provider: its routes, the webhooks and the time-change hooks
// that keep rooms in step with Zoom and with the timetable, and its jobs. Registered after the
// videoconference module (it acts on the module's rooms) and the Zoom feature (its client and webhooks).
import type { App, AppDeps } from '../../../http/types';
import { sweepLostCreate } from './refresh-delete';
import { defineRescheduleJob, subscribeToTimeChanges } from './reschedule';
import { ZOOM_PROVIDER } from './room-data';
import { registerZoomRoomRoutes } from './routes';
import { SweepPayload, type ZoomRoomsFeature } from './services';
import { subscribeZoomWebhooks } from './webhooks';

export function registerZoomRoomsFeature(app: App, deps: AppDeps): void {
  if (!app.hasDecorator('vc') || !app.hasDecorator('zoom'))
    throw new Error(
      'the Zoom rooms need the videoconference module and the Zoom feature registered before them',
    );
  const provider = app.vc.providers.get(ZOOM_PROVIDER);
  if (!provider) return;
  const feature: ZoomRoomsFeature = {
    config: deps.config,
    db: deps.db,
    mailer: deps.mailer,
    runtime: app.zoom.runtime,
    client: app.zoom.client,
    vc: app.vc,
  };
  // Kept for sweeps queued before creates recorded their intent (the module's vc.sweepCreate now).
  deps.jobs.define({
    name: 'zoom.sweepLostCreate',
    payload: SweepPayload,
    maxAttempts: 10,
    run: async (payload, ctx) => {
      await sweepLostCreate(feature, payload, ctx.log);
    },
  });
  const reschedule = defineRescheduleJob(deps.jobs, { services: feature, provider });
  subscribeToTimeChanges(app.eventExtensions.hooks, reschedule);
  subscribeZoomWebhooks((event, handler) => app.zoom.webhooks.on(event, handler), feature, provider);
  registerZoomRoomRoutes(app, feature);
}
