import type { App, AppDeps } from '../../http/types';
import { type ResolvedZoomCredentials, resolveZoomCredentials } from './credentials';
import { injectFetch } from './inject-fetch';
import { type InProcessSandbox, mountInProcessSandbox } from './sandbox-mode';

export const WEBHOOK_PATH = '/api/vc/zoom/webhook';

/** How this server reaches Zoom: the real service, or the in-process sandbox when no credentials exist. */
export interface ZoomRuntime {
  mode: 'zoom' | 'sandbox';
  fetch: typeof fetch;
  sandbox: InProcessSandbox | undefined;
  /** The credentials in force now (the admin may add or change them while the server runs). */
  resolve(): Promise<ResolvedZoomCredentials>;
  close(): void;
}

/**
 * Decided once at start-up: without credentials in the environment or the admin settings, the sandbox is
 * mounted and used; with them, the sandbox is off.
 */
export async function startZoomRuntime(app: App, deps: AppDeps): Promise<ZoomRuntime> {
  const fetcher = injectFetch(app, deps.config.baseUrl);
  const initial = await resolveZoomCredentials(deps.config, deps.db);
  if (initial.configured) {
    return {
      mode: 'zoom',
      fetch: globalThis.fetch,
      sandbox: undefined,
      resolve: () => resolveZoomCredentials(deps.config, deps.db),
      close: () => undefined,
    };
  }
  const sandbox = await mountInProcessSandbox(app, deps, {
    fetch: fetcher,
    webhookUrl: `${deps.config.baseUrl}${WEBHOOK_PATH}`,
  });
  return {
    mode: 'sandbox',
    fetch: fetcher,
    sandbox,
    resolve: async () => ({
      configured: true,
      credentials: sandbox.credentials,
      sources: (await resolveZoomCredentials(deps.config, deps.db)).sources,
    }),
    close: () => sandbox.close(),
  };
}
