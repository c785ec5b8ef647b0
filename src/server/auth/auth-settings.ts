// The administrator's accounts settings in the `settings` table, module `auth`: whether passwords stay
// allowed beside single sign-on, and whether (and from which domains) people may sign up.
import { eq } from 'drizzle-orm';
import { AUTH_SETTINGS_DEFAULTS, type AuthSettingsValues } from '../../contracts/identity';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Tx } from '../db/types';
import { Forbidden, ValidationFailed } from '../errors';
import { settings } from '../settings/schema';
import { deleteSession } from './sessions';

const MODULE = 'auth';
const KEYS = Object.keys(AUTH_SETTINGS_DEFAULTS) as Array<keyof AuthSettingsValues>;

/** Every setting, a missing or no longer valid row giving that setting's default. */
export async function readAuthSettings(db: Db | Tx): Promise<AuthSettingsValues> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(eq(settings.module, MODULE));
  const out: AuthSettingsValues = { ...AUTH_SETTINGS_DEFAULTS };
  for (const { key, value } of rows) {
    if (key === 'localPasswords' || key === 'signupEnabled') {
      if (typeof value === 'boolean') out[key] = value;
    } else if (key === 'signupDomains' && Array.isArray(value)) {
      out.signupDomains = value.filter((d): d is string => typeof d === 'string');
    }
  }
  return out;
}

/**
 * Replaces the settings. Turning passwords off needs an identity provider to log in with; administrators
 * keep their passwords either way, so a broken provider cannot lock everybody out.
 */
export async function updateAuthSettings(
  deps: { db: Db; config: Config; clock: () => Date },
  values: AuthSettingsValues,
): Promise<AuthSettingsValues> {
  if (!values.localPasswords && deps.config.oidcProviders.length === 0)
    throw ValidationFailed.field(
      'localPasswords',
      'cannot be turned off while no identity provider is configured (OIDC_PROVIDERS)',
    );
  const at = deps.clock();
  const clean = { ...values, signupDomains: [...new Set(values.signupDomains)] };
  await deps.db.transaction(async (tx) => {
    for (const key of KEYS) {
      const value = clean[key];
      await tx
        .insert(settings)
        .values({ module: MODULE, key, value, updatedAt: at })
        .onConflictDoUpdate({ target: [settings.module, settings.key], set: { value, updatedAt: at } });
    }
  });
  return clean;
}

/** Whether passwords may be used: the setting says so, or there is no identity provider to use instead. */
export async function passwordLoginAllowed(deps: { db: Db; config: Config }): Promise<boolean> {
  if (deps.config.oidcProviders.length === 0) return true;
  return (await readAuthSettings(deps.db)).localPasswords;
}

/**
 * After a correct password: refuses (and ends the new session) when passwords are turned off, except for
 * administrators, who keep theirs so that a broken identity provider cannot lock everybody out.
 */
export async function assertPasswordLoginAllowed(
  deps: { db: Db; config: Config },
  session: { token: string; user: { isAdmin: boolean } },
): Promise<void> {
  if (session.user.isAdmin || (await passwordLoginAllowed(deps))) return;
  await deleteSession(deps.db, session.token);
  throw new Forbidden('Logging in with a password is turned off here: log in with single sign-on.');
}

/** Whether an address may sign up under the domain list (an empty list allows every domain). */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domains.includes(domain);
}
