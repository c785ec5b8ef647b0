// The Zoom client of the credentials in force: the sandbox's, or the environment's and admin's, which an
// admin may change while the server runs. One client per credential set, so its token stays in memory.
import type { Db } from '../../db/client';
import type { Clock } from '../../http/types';
import { credentialsOrThrow, ZoomClient, type ZoomClientOptions } from './client';
import type { ZoomRuntime } from './runtime';
import { tokenCacheKey } from './token';

export type ZoomClientGetter = () => Promise<ZoomClient>;

/** A `credentials` ZoomError when Zoom is not configured (never in sandbox mode). */
export function zoomClientGetter(
  runtime: ZoomRuntime,
  deps: { db: Db; clock: Clock },
  opts: ZoomClientOptions = {},
): ZoomClientGetter {
  let cached: { key: string; client: ZoomClient } | undefined;
  return async () => {
    const credentials = credentialsOrThrow(await runtime.resolve());
    const key = `${tokenCacheKey(credentials)} ${credentials.apiBaseUrl} ${credentials.timeoutMs}`;
    if (cached?.key !== key)
      cached = {
        key,
        client: new ZoomClient(credentials, deps.db, { fetch: runtime.fetch, clock: deps.clock, ...opts }),
      };
    return cached.client;
  };
}
