import type { App, AppDeps } from '../../http/types';
import { type InProcessSandbox, mountInProcessSandbox } from '../../zoom-sandbox-mode';
import { type ResolvedZoomCredentials, resolveZoomCredentials } from './credentials';
import { injectFetch } from './inject-fetch';

export const WEBHOOK_PATH = '/api/vc/zoom/webhook';

/** How this server reaches Zoom right now. */
export interface ZoomConnection {
  mode: 'zoom' | 'sandbox';
  /** The credentials in force: the sandbox's in sandbox mode. */
  resolved: ResolvedZoomCredentials;
}

/** How this server reaches Zoom: the real service, or the in-process sandbox while no credentials exist. */
export interface ZoomRuntime {
  /**
   * Reads the settings on every call, so that credentials an administrator saves (or clears) on any
   * instance take effect on the next Zoom call of every instance, without a restart.
   */
  current(): Promise<ZoomConnection>;
  /** The credentials in force now (the sandbox's while no Zoom credentials are configured). */
  resolve(): Promise<ResolvedZoomCredentials>;
  /** Reaches this server's own sandbox in-process and everything else (Zoom) over the network. */
  fetch: typeof fetch;
  /** Mounted unless the environment alone configures Zoom (then no admin setting can bring it back). */
  sandbox: InProcessSandbox | undefined;
  close(): void;
}

/**
 * With Zoom credentials complete in the environment, the sandbox is never mounted. Otherwise it is mounted
 * and used exactly while the admin settings do not complete the credentials; its routes answer 404
 * while real Zoom is in use.
 */
export async function startZoomRuntime(app: App, deps: AppDeps): Promise<ZoomRuntime> {
  const fetcher = injectFetch(app, deps.config.baseUrl);
  const fromEnvironment = await resolveZoomCredentials(deps.config, deps.db);
  if (
    fromEnvironment.configured &&
    (['accountId', 'clientId', 'clientSecret'] as const).every(
      (key) => fromEnvironment.sources[key] === 'environment',
    )
  ) {
    const resolve = () => resolveZoomCredentials(deps.config, deps.db);
    return {
      current: async () => ({ mode: 'zoom', resolved: await resolve() }),
      resolve,
      fetch: fetcher,
      sandbox: undefined,
      close: () => undefined,
    };
  }
  const current = async (): Promise<ZoomConnection> => {
    const resolved = await resolveZoomCredentials(deps.config, deps.db);
    if (resolved.configured) return { mode: 'zoom', resolved };
    return {
      mode: 'sandbox',
      resolved: { configured: true, credentials: sandbox.credentials, sources: resolved.sources },
    };
  };
  const sandbox = await mountInProcessSandbox(app, deps, {
    fetch: fetcher,
    webhookUrl: `${deps.config.baseUrl}${WEBHOOK_PATH}`,
    isActive: async () => (await current()).mode === 'sandbox',
  });
  return {
    current,
    resolve: async () => (await current()).resolved,
    fetch: fetcher,
    sandbox,
    close: () => sandbox.close(),
  };
}
