// Factories for the sandbox's own tests: a sandbox on a frozen clock, tokens, and API calls.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildZoomSandbox } from './index';
import { createSandboxState, type SandboxState } from './state';
import type { SandboxCredentials, SandboxOptions, SandboxUserSeed } from './types';

/** Monday 2 March 2026, 10:00 UTC: far from a UTC midnight, so daily counters do not roll over. */
export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const PUBLIC_URL = 'http://localhost:8080/zoom-sandbox';
export const CREDENTIALS: SandboxCredentials = {
  accountId: 'acct-main',
  clientId: 'client-main',
  clientSecret: 'secret-main',
};

let counter = 0;

export function makeUser(overrides: Partial<SandboxUserSeed> = {}): SandboxUserSeed {
  counter++;
  return { email: `user${counter}@example.org`, firstName: 'User', lastName: String(counter), ...overrides };
}

export interface TestSandbox {
  app: FastifyInstance;
  state: SandboxState;
  owner: SandboxUserSeed & { id: string };
  /** A fresh access token from POST /oauth/token. */
  token(credentials?: SandboxCredentials): Promise<string>;
  /** An API call with a token (one is fetched and cached when none is given). */
  call(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    token?: string,
  ): Promise<LightMyRequestResponse>;
}

export function basicAuth(credentials: SandboxCredentials): string {
  return `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`;
}

export async function requestToken(
  app: FastifyInstance,
  credentials = CREDENTIALS,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { authorization: basicAuth(credentials), 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=account_credentials&account_id=${encodeURIComponent(credentials.accountId)}`,
  });
}

/** A standalone sandbox at "/" with one Owner (webinar licence) on a clock frozen at T0. */
export async function makeSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const owner = {
    ...makeUser({ role: 'Owner', webinar: true, firstName: 'Olivia' }),
    id: `owner-${counter}`,
  };
  const state = createSandboxState({
    publicUrl: PUBLIC_URL,
    credentials: CREDENTIALS,
    clock: () => new Date(T0),
    testControls: true,
    ...options,
    users: [owner, ...(options.users ?? [])],
  });
  const app = await buildZoomSandbox({ state });
  let cached: string | undefined;
  const token = async (credentials = CREDENTIALS) => {
    const res = await requestToken(app, credentials);
    if (res.statusCode !== 200) throw new Error(`token request failed: ${res.body}`);
    return res.json<{ access_token: string }>().access_token;
  };
  const call: TestSandbox['call'] = async (method, url, body, given) => {
    cached ??= given ? undefined : await token();
    const headers: Record<string, string> = { authorization: `Bearer ${given ?? cached}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return app.inject({ method, url, headers, payload });
  };
  return { app, state, owner, token, call };
}

export interface MeetingJson {
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: number;
  status?: string;
  start_time?: string;
  duration?: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  h323_password?: string;
  pstn_password?: string;
  encrypted_password?: string;
  settings: Record<string, unknown>;
  occurrences?: { occurrence_id: string; start_time: string; duration: number; status: string }[];
  recurrence?: Record<string, unknown>;
}

export async function createMeeting(
  sandbox: TestSandbox,
  body: Record<string, unknown> = {},
  userId = 'me',
  kind: 'meetings' | 'webinars' = 'meetings',
): Promise<MeetingJson> {
  const res = await sandbox.call('POST', `/v2/users/${userId}/${kind}`, { topic: 'Weekly sync', ...body });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<MeetingJson>();
}
