// The Zoom provider's feature: its runtime (real Zoom or the in-process sandbox) and its routes.
import { ZoomStatus } from '../../../contracts/vc-zoom';
import type { App, AppDeps } from '../../http/types';
import { startZoomRuntime, type ZoomRuntime } from './runtime';

const runtimes = new WeakMap<App, ZoomRuntime>();

/** The Zoom runtime of an app built with this feature (tests and the CLI reach the sandbox through it). */
export function zoomRuntimeOf(app: App): ZoomRuntime {
  const runtime = runtimes.get(app);
  if (!runtime) throw new Error('this app was built without the Zoom feature');
  return runtime;
}

export async function registerZoomFeature(app: App, deps: AppDeps): Promise<void> {
  const runtime = await startZoomRuntime(app, deps);
  runtimes.set(app, runtime);
  app.addHook('onClose', async () => runtime.close());

  app.get(
    '/api/vc/zoom/status',
    {
      schema: {
        tags: ['zoom'],
        summary: 'Whether Convene talks to Zoom or to its built-in Zoom sandbox',
        response: { 200: ZoomStatus },
      },
    },
    async () => ({ mode: runtime.mode }),
  );
}
