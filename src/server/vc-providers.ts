// The videoconference providers of this server: one line each, each built whole from what it needs. It lives
// outside src/server/vc/ because that module knows providers only through the VcProvider interface and
// never names one. The Zoom provider needs the Zoom feature (app.zoom), registered before the module.
import type { App, AppDeps } from './http/types';
import type { VcProvider } from './vc';
import { testRoomsProvider } from './vc/providers/test';
import { createZoomProvider } from './vc/zoom/rooms/provider';

export function vcProviders(app: App, deps: AppDeps): VcProvider[] {
  const { config, db, clock, mailer } = deps;
  return [
    testRoomsProvider({ config, db, clock }),
    createZoomProvider({ config, db, mailer, runtime: app.zoom.runtime, client: app.zoom.client }),
  ];
}
