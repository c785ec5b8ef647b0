import type { App, AppDeps } from '../../http/types';
import { type ResolvedZoomCredentials, resolveZoomCredentials, type ZoomCredentials } from './credentials';
import { injectFetch } from './inject-fetch';

export const WEBHOOK_PATH = '/api/vc/zoom/webhook';

/** How this server reaches Zoom right now. */
export interface ZoomConnection {
  mode: 'zoom' | 'sandbox';
  /** The credentials in force: the sandbox's in sandbox mode. */
  resolved: ResolvedZoomCredentials;
}

/**
 * A Zoom API that stands in for Zoom while no credentials are configured: to this feature, only credentials
 * naming its URLs. The process entry provides it (src/server/main.ts mounts the Zoom sandbox).
 */
export interface ZoomStandIn {
  credentials: ZoomCredentials;
  close(): void;
}

/** Mounts a stand-in on the app, before it is ready. */
export type MountZoomStandIn = (
  app: App,
  deps: AppDeps,
  opts: {
    /** Reaches this server's own URLs in-process (webhook deliveries to it), everything else over the network. */
    fetch: typeof fetch;
    webhookUrl: string;
    /** False while real Zoom is configured: the stand-in then answers 404, as if it were not mounted. */
    isActive: () => Promise<boolean>;
  },
) => Promise<ZoomStandIn>;

/** How this server reaches Zoom: the real service, or the stand-in while no credentials exist. */
export interface ZoomRuntime {
  /**
   * Reads the settings on every call, so that credentials an administrator saves (or clears) on any
   * instance take effect on the next Zoom call of every instance, without a restart.
   */
  current(): Promise<ZoomConnection>;
  /** The credentials in force now (the sandbox's while no Zoom credentials are configured). */
  resolve(): Promise<ResolvedZoomCredentials>;
  /** Reaches this server's own URLs (a stand-in mounted on it) in-process and everything else over the network. */
  fetch: typeof fetch;
  /** Mounted unless the environment alone configures Zoom (then no admin setting can bring it back). */
  standIn: ZoomStandIn | undefined;
  close(): void;
}

/**
 * With Zoom credentials complete in the environment, or no stand-in given, no stand-in is mounted.
 * Otherwise it is mounted and used exactly while the admin settings do not complete the credentials; its
 * routes answer 404 while real Zoom is in use.
 */
export async function startZoomRuntime(
  app: App,
  deps: AppDeps,
  mountStandIn: MountZoomStandIn | undefined,
): Promise<ZoomRuntime> {
  const fetcher = injectFetch(app, deps.config.baseUrl);
  const fromEnvironment = await resolveZoomCredentials(deps.config, deps.db);
  if (
    !mountStandIn ||
    (fromEnvironment.configured &&
      (['accountId', 'clientId', 'clientSecret'] as const).every(
        (key) => fromEnvironment.sources[key] === 'environment',
      ))
  ) {
    const resolve = () => resolveZoomCredentials(deps.config, deps.db);
    return {
      current: async () => ({ mode: 'zoom', resolved: await resolve() }),
      resolve,
      fetch: fetcher,
      standIn: undefined,
      close: () => undefined,
    };
  }
  const current = async (): Promise<ZoomConnection> => {
    const resolved = await resolveZoomCredentials(deps.config, deps.db);
    if (resolved.configured) return { mode: 'zoom', resolved };
    return {
      mode: 'sandbox',
      resolved: { configured: true, credentials: standIn.credentials, sources: resolved.sources },
    };
  };
  const standIn = await mountStandIn(app, deps, {
    fetch: fetcher,
    webhookUrl: `${deps.config.baseUrl}${WEBHOOK_PATH}`,
    isActive: async () => (await current()).mode === 'sandbox',
  });
  return {
    current,
    resolve: async () => (await current()).resolved,
    fetch: fetcher,
    standIn,
    close: () => standIn.close(),
  };
}
