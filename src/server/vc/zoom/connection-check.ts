// "Test connection" on the settings page: a fresh token with the credentials in force (or those typed in
// the form), the API URL it names, and the scopes the app still lacks (zoom_api.md §1).
import type { z } from 'zod';
import type { TestZoomConnectionRequest, TestZoomConnectionResult } from '../../../contracts/vc-zoom';
import { type FieldError, ValidationFailed } from '../../errors';
import { ZoomClient } from './client';
import { mergeZoomSettings, readZoomSettings, ZOOM_ENV_NAMES, type ZoomCredentials } from './credentials';
import { isZoomError } from './errors';
import type { ZoomRuntime } from './runtime';
import { checkScopes } from './scopes';
import type { ZoomAdminDeps } from './settings';

/** A button must answer quickly: no retries, and at most this long per attempt. */
const TEST_TIMEOUT_MS = 10_000;

const KEYS = ['accountId', 'clientId', 'clientSecret'] as const;

type Target = { target: 'zoom' | 'sandbox'; credentials: ZoomCredentials };

/**
 * Which credentials to test: the saved ones overlaid with those typed in the form; with none at all while
 * the sandbox runs, the sandbox itself. Missing pieces and environment-owned fields are a 422.
 */
async function credentialsToTest(
  deps: ZoomAdminDeps,
  runtime: ZoomRuntime,
  given: z.output<typeof TestZoomConnectionRequest>,
): Promise<Target> {
  const stored = await readZoomSettings(deps.db);
  const before = mergeZoomSettings(deps.config, stored);
  const problems: FieldError[] = [];
  const overlay = { ...stored };
  let typed = false;
  for (const key of KEYS) {
    const value = given[key];
    if (value === undefined) continue;
    if (before.sources[key] === 'environment') {
      problems.push({ field: key, message: `is set by the environment (${ZOOM_ENV_NAMES[key]})` });
      continue;
    }
    typed = true;
    if (value === null) delete overlay[key];
    else overlay[key] = value;
  }
  if (problems.length) throw new ValidationFailed(problems);
  const merged = mergeZoomSettings(deps.config, overlay);
  if (merged.configured) return { target: 'zoom', credentials: merged.credentials };
  if (runtime.standIn && !typed) return { target: 'sandbox', credentials: runtime.standIn.credentials };
  const missing = KEYS.filter((k) => merged.sources[k] === 'unset');
  throw new ValidationFailed(
    missing.map((field) => ({ field, message: 'is required to test the connection' })),
  );
}

export async function testZoomConnection(
  deps: ZoomAdminDeps,
  runtime: ZoomRuntime,
  given: z.output<typeof TestZoomConnectionRequest>,
): Promise<TestZoomConnectionResult> {
  const { target, credentials } = await credentialsToTest(deps, runtime, given);
  const client = new ZoomClient(credentials, deps.db, {
    fetch: runtime.fetch,
    clock: deps.clock,
    maxRetries: 0,
    timeoutMs: Math.min(credentials.timeoutMs, TEST_TIMEOUT_MS),
  });
  try {
    // Fresh, so that scopes added to the app a minute ago are seen (a cached token keeps the old ones).
    const token = await client.getToken({ fresh: true });
    const check = checkScopes(token.scopes);
    return {
      ok: true,
      target,
      apiUrl: token.apiUrl,
      scopes: token.scopes,
      missingScopes: check.missing.map((need) => ({
        purpose: need.purpose,
        scope: check.classic ? need.classic : need.granular,
      })),
    };
  } catch (err) {
    if (!isZoomError(err)) throw err;
    return { ok: false, target, kind: err.kind, message: err.message };
  }
}
