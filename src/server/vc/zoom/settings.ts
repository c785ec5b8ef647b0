// The administrator's Zoom settings in the `settings` table, module `zoom`, one row per key: the provider's
// settings (read with their defaults) and the write-only credentials that credentials.ts resolves.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserSummary } from '../../../contracts/auth';
import {
  type UpdateZoomSettingsRequest,
  ZOOM_CREDENTIAL_KEYS,
  ZOOM_SETTINGS_DEFAULTS,
  type ZoomAdminSettings,
  type ZoomCredentialKey,
  type ZoomCredentialState,
  ZoomSettingsFields,
  type ZoomSettingsValues,
} from '../../../contracts/vc-zoom';
import { userEmails, users } from '../../auth/schema';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/types';
import { type FieldError, ValidationFailed } from '../../errors';
import { settings } from '../../settings/schema';
import { mergeZoomSettings, readZoomSettings, ZOOM_ENV_NAMES } from './credentials';
import { WEBHOOK_PATH, type ZoomRuntime } from './runtime';

/** What the provider reads: every setting, defaults filled in. */
export type ZoomProviderSettings = ZoomSettingsValues;

type DbOrTx = Db | Tx;

const MODULE = 'zoom';
const SETTING_KEYS = Object.keys(ZoomSettingsFields.shape) as Array<keyof ZoomSettingsValues>;

/**
 * The provider's settings. A row that is missing, or no longer valid (written by an older version), gives
 * that setting's default: the provider always gets a complete, typed object.
 */
export async function readZoomProviderSettings(db: DbOrTx): Promise<ZoomProviderSettings> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(and(eq(settings.module, MODULE), inArray(settings.key, SETTING_KEYS)));
  return zoomProviderSettingsFrom(rows);
}

/** The provider's settings among rows of module `zoom` (credentials and unknown keys are ignored). */
export function zoomProviderSettingsFrom(
  rows: ReadonlyArray<{ key: string; value: unknown }>,
): ZoomProviderSettings {
  const merged: Record<string, unknown> = { ...ZOOM_SETTINGS_DEFAULTS };
  for (const { key, value } of rows) {
    if (!(SETTING_KEYS as string[]).includes(key)) continue;
    const schema = ZoomSettingsFields.shape[key as keyof ZoomSettingsValues];
    const parsed = schema.safeParse(value);
    if (parsed.success) merged[key] = parsed.data;
  }
  const whole = ZoomSettingsFields.safeParse(merged);
  return whole.success ? whole.data : { ...ZOOM_SETTINGS_DEFAULTS };
}

/** Every row of module `zoom` (settings and credentials), in one query. */
export async function readZoomRows(db: DbOrTx): Promise<Array<{ key: string; value: unknown }>> {
  return db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(eq(settings.module, MODULE));
}

export interface ZoomAdminDeps {
  config: Config;
  db: Db;
  clock: () => Date;
}

/** The settings page's data: values, and of the credentials only whether they are set and by whom. */
export async function getZoomAdminSettings(
  deps: ZoomAdminDeps,
  runtime: ZoomRuntime,
): Promise<ZoomAdminSettings> {
  const resolved = mergeZoomSettings(deps.config, await readZoomSettings(deps.db));
  const state = (key: ZoomCredentialKey): ZoomCredentialState => ({
    set: resolved.sources[key] !== 'unset',
    fromEnvironment: resolved.sources[key] === 'environment',
    envName: ZOOM_ENV_NAMES[key],
  });
  const values = await readZoomProviderSettings(deps.db);
  const found = await findUsers(deps.db, [...values.creatorIds, ...values.managerIds]);
  const known = (ids: number[]) => ids.filter((id) => found.has(id));
  return {
    // Saved credentials are used from the next Zoom call on (runtime.ts): no restart.
    mode: resolved.configured || !runtime.standIn ? 'zoom' : 'sandbox',
    credentials: {
      accountId: state('accountId'),
      clientId: state('clientId'),
      clientSecret: state('clientSecret'),
      webhookSecret: state('webhookSecret'),
    },
    webhookUrl: `${deps.config.baseUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`,
    settings: { ...values, creatorIds: known(values.creatorIds), managerIds: known(values.managerIds) },
    users: [...found.values()],
  };
}

/** What changed, for the log: setting names, and for credentials only "set" or "removed". */
export interface ZoomSettingsChange {
  settings: string[];
  credentials: Array<{ key: ZoomCredentialKey; change: 'set' | 'removed' }>;
}

/**
 * Replaces the settings and applies the credential changes in one transaction. A credential set by the
 * environment cannot be changed here (422 naming it); listed users must exist (422 naming the list).
 */
export async function updateZoomSettings(
  deps: ZoomAdminDeps,
  body: z.output<typeof UpdateZoomSettingsRequest>,
): Promise<ZoomSettingsChange> {
  const { config, db } = deps;
  const resolved = mergeZoomSettings(config, await readZoomSettings(db));
  const problems: FieldError[] = [];
  const credentialChanges: ZoomSettingsChange['credentials'] = [];
  for (const key of ZOOM_CREDENTIAL_KEYS) {
    const value = body[key];
    if (value === undefined) continue;
    if (resolved.sources[key] === 'environment') {
      problems.push({
        field: key,
        message: `is set by the environment (${ZOOM_ENV_NAMES[key]}); change it there`,
      });
    } else if (value !== null || resolved.sources[key] === 'database') {
      credentialChanges.push({ key, change: value === null ? 'removed' : 'set' });
    }
  }
  const found = await findUsers(db, [...body.creatorIds, ...body.managerIds]);
  for (const field of ['creatorIds', 'managerIds'] as const) {
    const missing = [...new Set(body[field])].filter((id) => !found.has(id));
    if (missing.length) problems.push({ field, message: `no user has the id ${missing.join(', ')}` });
  }
  if (body.usernameProvider && !config.oidcProviders.some((p) => p.id === body.usernameProvider))
    problems.push({ field: 'usernameProvider', message: 'is not an identity provider of OIDC_PROVIDERS' });
  if (problems.length) throw new ValidationFailed(problems);

  const values = ZoomSettingsFields.parse({
    ...body,
    creatorIds: [...new Set(body.creatorIds)],
    managerIds: [...new Set(body.managerIds)],
  });
  const before = await readZoomProviderSettings(db);
  const changed = SETTING_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]));
  const at = deps.clock();
  await db.transaction(async (tx) => {
    for (const key of changed) await upsert(tx, key, values[key], at);
    for (const { key } of credentialChanges) {
      const value = body[key];
      if (typeof value === 'string') await upsert(tx, key, value, at);
      else await tx.delete(settings).where(and(eq(settings.module, MODULE), eq(settings.key, key)));
    }
  });
  return { settings: changed, credentials: credentialChanges };
}

async function upsert(tx: Tx, key: string, value: unknown, at: Date): Promise<void> {
  await tx
    .insert(settings)
    .values({ module: MODULE, key, value, updatedAt: at })
    .onConflictDoUpdate({ target: [settings.module, settings.key], set: { value, updatedAt: at } });
}

/** The users with these ids (with their primary e-mail), by id; unknown ids are absent. */
async function findUsers(db: DbOrTx, ids: number[]): Promise<Map<number, UserSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: userEmails.email, affiliation: users.affiliation })
    .from(users)
    .leftJoin(userEmails, and(eq(userEmails.userId, users.id), eq(userEmails.isPrimary, true)))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { ...r, email: r.email ?? '' }]));
}
