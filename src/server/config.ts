// The only place that reads process.env: every setting is parsed and checked here, once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Zoom's public endpoints and our timeout, used when neither the environment nor the admin sets them. */
export const ZOOM_DEFAULTS = {
  oauthTokenUrl: 'https://zoom.us/oauth/token',
  apiBaseUrl: 'https://api.zoom.us/v2',
  timeoutMs: 10_000,
} as const;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (what: string) =>
  z.preprocess(emptyToUndefined, z.url({ error: `must be ${what}` }).optional());

const envSchema = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a port number (1-65535)' })
      .int({ error: 'must be a port number (1-65535)' })
      .min(0, { error: 'must be a port number (1-65535)' })
      .max(65535, { error: 'must be a port number (1-65535)' })
      .default(8080),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  BASE_URL: optionalUrl('an absolute http(s) URL such as https://events.example.org'),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// connection URL' })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./var')),
  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Convene <convene@localhost>')),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v, ctx) => {
        const parsed = parseTrustProxy(v);
        if (parsed === undefined)
          ctx.addIssue({
            code: 'custom',
            message:
              'must be false, a number of proxy hops (1, 2, …) or a comma-separated list of proxy addresses or CIDRs (10.0.0.0/8, ::1)',
          });
        return parsed ?? false;
      })
      .default(false),
  ),
  ZOOM_ACCOUNT_ID: optionalString,
  ZOOM_CLIENT_ID: optionalString,
  ZOOM_CLIENT_SECRET: optionalString,
  ZOOM_WEBHOOK_SECRET: optionalString,
  ZOOM_OAUTH_TOKEN_URL: optionalUrl('an absolute URL such as https://zoom.us/oauth/token'),
  ZOOM_API_BASE_URL: optionalUrl('an absolute URL such as https://api.zoom.us/v2'),
  ZOOM_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of milliseconds' }).int().positive().optional(),
  ),
  OIDC_PROVIDERS: z.preprocess(emptyToUndefined, z.string().optional()),
});

export type Env = z.infer<typeof envSchema>;

/** One OpenID Connect identity provider people may log in with (README, "Single sign-on"). */
export interface OidcProviderConfig {
  /** Short name in URLs and in the database: the redirect URI is BASE_URL/api/auth/oidc/<id>/callback. */
  id: string;
  /** Shown on the login page as "Log in with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The claim whose value is the person's username at the institute (Zoom lookup by username). */
  usernameClaim: string;
  /** The claim holding the person's affiliation, when the provider sends one. */
  affiliationClaim: string;
}

const OidcProviderEntry = z.object({
  id: z
    .string({ error: 'needs an id' })
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'id must be lower-case letters, digits and dashes' }),
  name: z.string({ error: 'needs a name' }).trim().min(1, { error: 'name must not be empty' }).max(80),
  issuer: z.url({ error: 'issuer must be the provider’s issuer URL' }),
  clientId: z.string({ error: 'needs a clientId' }).min(1, { error: 'clientId must not be empty' }),
  clientSecret: z
    .string({ error: 'needs a clientSecret' })
    .min(1, { error: 'clientSecret must not be empty' }),
  scopes: z.string().default('openid profile email'),
  usernameClaim: z.string().min(1).default('preferred_username'),
  affiliationClaim: z.string().min(1).default('affiliation'),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * OIDC_PROVIDERS: a JSON array of providers. An issuer must be https, except on this machine's loopback
 * (a provider run for development or tests); ids must be unique.
 */
export function parseOidcProviders(json: string | undefined): OidcProviderConfig[] {
  if (json === undefined) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError('OIDC_PROVIDERS must be a JSON array of providers (it is not valid JSON)');
  }
  const parsed = z.array(OidcProviderEntry).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `entry ${issue.path.join('.')}` : 'the value';
    throw new ConfigError(
      `OIDC_PROVIDERS ${where}: ${issue?.message ?? 'is invalid'} (a JSON array of {id, name, issuer, clientId, clientSecret})`,
    );
  }
  const seen = new Set<string>();
  return parsed.data.map((p) => {
    if (seen.has(p.id)) throw new ConfigError(`OIDC_PROVIDERS lists the id "${p.id}" twice`);
    seen.add(p.id);
    const url = new URL(p.issuer);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
      throw new ConfigError(`OIDC_PROVIDERS entry "${p.id}": the issuer must be an https:// URL`);
    return p;
  });
}

/**
 * Which proxies' X-Forwarded-For to believe, as Fastify's `trustProxy` takes it: false (the default: the
 * client is the TCP peer), a number of hops, or the proxies' addresses and CIDRs. Believing every proxy
 * would let any client choose its own address, and so escape the per-address login throttle.
 */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(s: string): boolean {
  const [address, bits, ...rest] = s.split('/');
  if (rest.length || !address || !net.isIP(address)) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(address) ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim();
  if (v === 'false' || v === '0') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return list.length && list.every(isAddressOrCidr) ? list : undefined;
}

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  secureCookies: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Identity providers for single sign-on, in the order the login page lists them. */
  oidcProviders: OidcProviderConfig[];
  /** TRUST_PROXY: whose X-Forwarded-For gives the client's address (false: nobody's). */
  trustProxy: TrustProxy;
  zoom: {
    accountId: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    webhookSecret: string | undefined;
    oauthTokenUrl: string;
    apiBaseUrl: string;
    timeoutMs: number;
    /**
     * Which of the defaulted settings the environment set explicitly: those win over the admin's
     * settings in the database. Absent (hand-built configs): a value differing from ZOOM_DEFAULTS counts as set.
     */
    fromEnv?: { oauthTokenUrl: boolean; apiBaseUrl: boolean; timeoutMs: boolean };
  };
}

/** A configuration problem that stops start-up with one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv(env: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path.join('.') ?? 'environment';
  throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(env[name])})`);
}

/** The secret that signs cookies: from SESSION_SECRET, else generated once and kept under DATA_DIR. */
export function loadSessionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Checks that DATA_DIR exists (creating it) and is writable, or says so in one line. */
export function prepareDataDir(dataDir: string): string {
  const abs = path.resolve(dataDir);
  try {
    fs.mkdirSync(abs, { recursive: true });
    fs.accessSync(abs, fs.constants.W_OK);
  } catch (err) {
    throw new ConfigError(
      `DATA_DIR ${abs} cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'}): choose a writable directory`,
    );
  }
  return abs;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = parseEnv(env);
  const dataDir = prepareDataDir(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith('https:'),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: loadSessionSecret(dataDir, e.SESSION_SECRET),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidcProviders: parseOidcProviders(e.OIDC_PROVIDERS),
    trustProxy: e.TRUST_PROXY,
    zoom: {
      accountId: e.ZOOM_ACCOUNT_ID,
      clientId: e.ZOOM_CLIENT_ID,
      clientSecret: e.ZOOM_CLIENT_SECRET,
      webhookSecret: e.ZOOM_WEBHOOK_SECRET,
      oauthTokenUrl: e.ZOOM_OAUTH_TOKEN_URL ?? ZOOM_DEFAULTS.oauthTokenUrl,
      apiBaseUrl: e.ZOOM_API_BASE_URL ?? ZOOM_DEFAULTS.apiBaseUrl,
      timeoutMs: e.ZOOM_TIMEOUT_MS ?? ZOOM_DEFAULTS.timeoutMs,
      fromEnv: {
        oauthTokenUrl: e.ZOOM_OAUTH_TOKEN_URL !== undefined,
        apiBaseUrl: e.ZOOM_API_BASE_URL !== undefined,
        timeoutMs: e.ZOOM_TIMEOUT_MS !== undefined,
      },
    },
  };
}

/** The environment child processes (PostgreSQL's binaries) inherit, with the given overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
