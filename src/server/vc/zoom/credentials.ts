// Where the Zoom client's settings come from: the environment first, then the admin settings in the
// database (table `settings`, module `zoom`), then Zoom's public defaults.
import { and, eq, inArray } from 'drizzle-orm';
import { type Config, ZOOM_DEFAULTS } from '../../config';
import type { Db } from '../../db/client';
import { settings } from '../../settings/schema';

/** The keys of module `zoom` in the `settings` table that the client reads (values are JSON strings/numbers). */
export const ZOOM_SETTING_KEYS = [
  'accountId',
  'clientId',
  'clientSecret',
  'webhookSecret',
  'oauthTokenUrl',
  'apiBaseUrl',
  'timeoutMs',
] as const;
export type ZoomSettingKey = (typeof ZOOM_SETTING_KEYS)[number];

export interface ZoomCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string | undefined;
  oauthTokenUrl: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

export type ZoomSettingSource = 'environment' | 'database' | 'default' | 'unset';

export type ResolvedZoomCredentials =
  | { configured: true; credentials: ZoomCredentials; sources: Record<ZoomSettingKey, ZoomSettingSource> }
  | {
      configured: false;
      /** The settings still missing, named as the environment variables. */
      missing: string[];
      sources: Record<ZoomSettingKey, ZoomSettingSource>;
    };

/** The environment variable of each setting (it wins over the admin settings). */
export const ZOOM_ENV_NAMES: Record<ZoomSettingKey, string> = {
  accountId: 'ZOOM_ACCOUNT_ID',
  clientId: 'ZOOM_CLIENT_ID',
  clientSecret: 'ZOOM_CLIENT_SECRET',
  webhookSecret: 'ZOOM_WEBHOOK_SECRET',
  oauthTokenUrl: 'ZOOM_OAUTH_TOKEN_URL',
  apiBaseUrl: 'ZOOM_API_BASE_URL',
  timeoutMs: 'ZOOM_TIMEOUT_MS',
};

type StoredValues = Partial<Record<ZoomSettingKey, string | number>>;

/** The admin's Zoom settings; values of the wrong type or empty strings count as unset. */
export async function readZoomSettings(db: Db): Promise<StoredValues> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(and(eq(settings.module, 'zoom'), inArray(settings.key, [...ZOOM_SETTING_KEYS])));
  return storedZoomValues(rows);
}

/** The connection settings among rows of module `zoom` (other keys are ignored). */
export function storedZoomValues(rows: ReadonlyArray<{ key: string; value: unknown }>): StoredValues {
  const out: StoredValues = {};
  for (const { key, value } of rows) {
    if (!(ZOOM_SETTING_KEYS as readonly string[]).includes(key)) continue;
    const k = key as ZoomSettingKey;
    if (k === 'timeoutMs') {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) out[k] = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim();
      const isUrlKey = k === 'oauthTokenUrl' || k === 'apiBaseUrl';
      if (!isUrlKey || URL.canParse(text)) out[k] = text;
    }
  }
  return out;
}

/**
 * Merges the environment (wins) with the admin settings, field by field. `configured` is false until
 * account id, client id and client secret are all known.
 */
export async function resolveZoomCredentials(config: Config, db: Db): Promise<ResolvedZoomCredentials> {
  return mergeZoomSettings(config, await readZoomSettings(db));
}

export function mergeZoomSettings(config: Config, stored: StoredValues): ResolvedZoomCredentials {
  const env = config.zoom;
  const sources = {} as Record<ZoomSettingKey, ZoomSettingSource>;
  const pickString = (key: ZoomSettingKey, fromEnv: string | undefined): string | undefined => {
    const fromDb = stored[key];
    if (fromEnv !== undefined) sources[key] = 'environment';
    else if (typeof fromDb === 'string') sources[key] = 'database';
    else sources[key] = 'unset';
    return fromEnv ?? (typeof fromDb === 'string' ? fromDb : undefined);
  };
  // Defaulted settings: the environment wins only when it set them (config.zoom.fromEnv).
  const explicit = (key: 'oauthTokenUrl' | 'apiBaseUrl' | 'timeoutMs') =>
    env.fromEnv ? env.fromEnv[key] : env[key] !== ZOOM_DEFAULTS[key];
  const pickDefaulted = <K extends 'oauthTokenUrl' | 'apiBaseUrl' | 'timeoutMs'>(key: K) => {
    const fromDb = stored[key];
    if (explicit(key)) {
      sources[key] = 'environment';
      return env[key];
    }
    if (fromDb !== undefined && typeof fromDb === typeof ZOOM_DEFAULTS[key]) {
      sources[key] = 'database';
      return fromDb as Config['zoom'][K];
    }
    sources[key] = 'default';
    return env[key];
  };

  const accountId = pickString('accountId', env.accountId);
  const clientId = pickString('clientId', env.clientId);
  const clientSecret = pickString('clientSecret', env.clientSecret);
  const webhookSecret = pickString('webhookSecret', env.webhookSecret);
  const oauthTokenUrl = pickDefaulted('oauthTokenUrl');
  const apiBaseUrl = pickDefaulted('apiBaseUrl');
  const timeoutMs = pickDefaulted('timeoutMs');

  if (accountId === undefined || clientId === undefined || clientSecret === undefined) {
    const missing = (['accountId', 'clientId', 'clientSecret'] as const)
      .filter((k) => sources[k] === 'unset')
      .map((k) => ZOOM_ENV_NAMES[k]);
    return { configured: false, missing, sources };
  }
  return {
    configured: true,
    credentials: { accountId, clientId, clientSecret, webhookSecret, oauthTokenUrl, apiBaseUrl, timeoutMs },
    sources,
  };
}

/**
 * The webhook secret token in force (environment first, then the admin settings), whether or not the API
 * credentials are complete: Zoom may notify before the admin finishes the setup.
 */
export async function resolveWebhookSecret(config: Config, db: Db): Promise<string | undefined> {
  if (config.zoom.webhookSecret) return config.zoom.webhookSecret;
  const stored = (await readZoomSettings(db)).webhookSecret;
  return typeof stored === 'string' ? stored : undefined;
}
