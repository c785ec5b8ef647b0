import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../src/contracts/vc-zoom';
import { userIdentities } from '../../src/server/auth/identity-schema';
import { sessions, userEmails, users } from '../../src/server/auth/schema';
import type { OidcProviderConfig } from '../../src/server/config';
import { loggerOptions } from '../../src/server/logger';
import { Agent, type TestApp, useTestApp } from '../support/app';
import { agentFor, makeUser, TEST_PASSWORD } from '../support/factories';
import { IdpBrowser, startTestIdp, type TestIdp } from '../support/oidc-provider';

const BASE_URL = 'http://localhost:8080';
const CALLBACK = `${BASE_URL}/api/auth/oidc/test-idp/callback`;
const EXISTING_EMAIL = 'katherine@example.org';

const oidcProviders: OidcProviderConfig[] = [];
const logs: Array<Record<string, unknown>> = [];
let idp: TestIdp;
/** The app of this file (set by useTestApp inside the describe block). */
let t: TestApp;

beforeAll(async () => {
  idp = await startTestIdp({
    clients: [
      {
        clientId: 'convene',
        clientSecret: 'convene-secret',
        redirectUris: [CALLBACK],
        postLogoutRedirectUris: [`${BASE_URL}/`],
      },
    ],
    users: [
      {
        login: 'grace',
        claims: {
          email: 'grace@navy.example.org',
          email_verified: true,
          name: 'Grace Hopper',
          preferred_username: 'ghopper',
          affiliation: 'US Navy',
        },
      },
      {
        login: 'katherine',
        claims: {
          email: EXISTING_EMAIL,
          email_verified: true,
          name: 'K. Johnson',
          preferred_username: 'kjohnson',
        },
      },
      {
        login: 'mallory',
        claims: { email: 'dorothy@example.org', email_verified: false, name: 'Not Dorothy' },
      },
      { login: 'nomail', claims: { name: 'Anonymous Person', preferred_username: 'anon' } },
      { login: 'fresh', claims: { email: 'fresh@example.org', email_verified: true, name: 'Fresh Person' } },
      {
        login: 'odd',
        claims: {
          email: 'odd@example.org',
          email_verified: true,
          name: 'Ada\u0000 Byron\ud800',
          affiliation: 7,
        },
      },
      { login: 'hedy', claims: { email: 'hedy@example.org', email_verified: true, name: 'Hedy Lamarr' } },
    ],
  });
  oidcProviders.push(
    {
      id: 'test-idp',
      name: 'Test IdP',
      issuer: idp.issuer,
      clientId: 'convene',
      clientSecret: 'convene-secret',
      scopes: 'openid profile email',
      usernameClaim: 'preferred_username',
      affiliationClaim: 'affiliation',
    },
    // Nothing listens on port 9 (discard) of the loopback.
    {
      id: 'down',
      name: 'Down IdP',
      issuer: 'http://127.0.0.1:9',
      clientId: 'convene',
      clientSecret: 'x',
      scopes: 'openid email',
      usernameClaim: 'preferred_username',
      affiliationClaim: 'affiliation',
    },
  );
});
afterAll(() => idp?.close());

async function setUp() {
  // An administrator exists: single sign-on never makes the first account.
  const [anyone] = await t.deps.db.select({ id: users.id }).from(users).limit(1);
  if (!anyone) await makeUser(t.deps.db, { isAdmin: true, email: 'admin@example.org' });
}

/** Starts a login in the app and signs in at the provider; returns the callback URL, not yet called. */
async function signInAtIdp(agent: Agent, login: string, next = '/events/mine') {
  const start = await agent.get(`/api/auth/oidc/test-idp/login?next=${encodeURIComponent(next)}`);
  expect(start.statusCode).toBe(302);
  const authorizationUrl = String(start.headers.location);
  expect(authorizationUrl.startsWith(`${idp.issuer}/`)).toBe(true);
  return new IdpBrowser().logIn(authorizationUrl, login);
}

function callback(agent: Agent, url: string) {
  const u = new URL(url);
  expect(`${u.origin}${u.pathname}`).toBe(CALLBACK);
  return agent.get(`${u.pathname}${u.search}`);
}

async function whoIs(agent: Agent) {
  return (await agent.get('/api/auth/session')).json().user as {
    id: number;
    name: string;
    email: string;
  } | null;
}

const countRows = async () => ({
  users: (await t.deps.db.select({ id: users.id }).from(users)).length,
  identities: (await t.deps.db.select({ id: userIdentities.id }).from(userIdentities)).length,
  sessions: (await t.deps.db.select({ id: sessions.id }).from(sessions)).length,
});

/** The login ended on the login page with this error, a warning in the log, and no session. */
async function expectRefused(
  agent: Agent,
  res: { statusCode: number; headers: Record<string, unknown> },
  code: string,
) {
  expect(res.statusCode).toBe(302);
  const location = new URL(String(res.headers.location), BASE_URL);
  expect(location.pathname).toBe('/login');
  expect(location.searchParams.get('sso_error')).toBe(code);
  expect(await whoIs(agent)).toBeNull();
  expect(logs.some((l) => l.msg === 'single sign-on failed' && l.reason === code)).toBe(true);
}

describe('single sign-on through an OpenID Provider', () => {
  t = useTestApp({
    config: { baseUrl: BASE_URL, oidcProviders },
    logger: {
      ...(loggerOptions('info') as object),
      stream: { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
    },
  });

  it('lists the identity providers on the login options', async () => {
    const res = await new Agent(t.app).get('/api/auth/options');
    expect(res.json()).toEqual({
      providers: [
        { id: 'test-idp', name: 'Test IdP' },
        { id: 'down', name: 'Down IdP' },
      ],
      localPasswords: true,
      signup: false,
    });
  });

  it('refuses a first login before anybody has set Convene up, and makes nothing', async () => {
    expect(await countRows()).toEqual({ users: 0, identities: 0, sessions: 0 });
    const agent = new Agent(t.app);
    await expectRefused(agent, await callback(agent, await signInAtIdp(agent, 'grace')), 'setup_needed');
    expect(await countRows()).toEqual({ users: 0, identities: 0, sessions: 0 });
  });

  it('creates an account from the claims on a first login and logs the person in where they were going', async () => {
    await setUp();
    const agent = new Agent(t.app);
    const res = await callback(agent, await signInAtIdp(agent, 'grace', '/events/mine'));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/events/mine');
    const user = await whoIs(agent);
    expect(user).toMatchObject({ name: 'Grace Hopper', email: 'grace@navy.example.org' });
    const [row] = await t.deps.db
      .select()
      .from(users)
      .where(eq(users.id, user?.id ?? 0));
    expect(row).toMatchObject({ affiliation: 'US Navy', passwordHash: null });
    const identities = await t.deps.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, user?.id ?? 0));
    expect(identities).toMatchObject([
      { provider: 'test-idp', issuer: idp.issuer, subject: 'grace', username: 'ghopper' },
    ]);

    // A second login finds the same account through the identity.
    const again = new Agent(t.app);
    await callback(again, await signInAtIdp(again, 'grace'));
    expect((await whoIs(again))?.id).toBe(user?.id);
    expect((await countRows()).identities).toBe(1);
  });

  it('links the identity to the existing account of a verified e-mail address', async () => {
    await setUp();
    const katherine = await makeUser(t.deps.db, { name: 'Katherine Johnson', email: EXISTING_EMAIL });
    const agent = new Agent(t.app);
    await callback(agent, await signInAtIdp(agent, 'katherine'));
    expect(await whoIs(agent)).toMatchObject({ id: katherine.id, name: 'Katherine Johnson' });
    const identities = await t.deps.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, katherine.id));
    expect(identities).toHaveLength(1);
  });

  it('refuses an unverified e-mail address that another account uses, and makes nothing', async () => {
    await setUp();
    const dorothy = await makeUser(t.deps.db, { name: 'Dorothy Vaughan', email: 'dorothy@example.org' });
    const before = await countRows();
    const agent = new Agent(t.app);
    await expectRefused(
      agent,
      await callback(agent, await signInAtIdp(agent, 'mallory')),
      'email_unverified',
    );
    expect(await countRows()).toEqual(before);
    const emails = await t.deps.db.select().from(userEmails).where(eq(userEmails.userId, dorothy.id));
    expect(emails).toHaveLength(1);
  });

  it('refuses a claim set without an e-mail address, and makes nothing', async () => {
    await setUp();
    const before = await countRows();
    const agent = new Agent(t.app);
    await expectRefused(agent, await callback(agent, await signInAtIdp(agent, 'nomail')), 'no_email');
    expect(await countRows()).toEqual(before);
  });

  it('refuses an answer whose state was tampered with', async () => {
    await setUp();
    const before = await countRows();
    const agent = new Agent(t.app);
    const url = new URL(await signInAtIdp(agent, 'fresh'));
    url.searchParams.set('state', 'forged-state-value-0123456789');
    await expectRefused(agent, await callback(agent, url.toString()), 'state');
    expect(await countRows()).toEqual(before);
  });

  it('refuses an authorization code replayed after it was used', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await agent.get('/api/auth/session');
    const start = await agent.get('/api/auth/oidc/test-idp/login');
    const loginCookie = start.cookies.find((c) => c.name === 'convene_sso')?.value ?? '';
    const url = await new IdpBrowser().logIn(String(start.headers.location), 'hedy');
    const first = await callback(agent, url);
    expect(first.headers.location).toBe('/');
    // An attacker holding the browser's login cookie and the callback URL sends them again.
    const attacker = new Agent(t.app);
    attacker.setCookie('convene_sso', loginCookie);
    const before = await countRows();
    await expectRefused(attacker, await callback(attacker, url), 'code');
    expect(await countRows()).toEqual(before);
  });

  it('refuses an ID token with another nonce', async () => {
    await setUp();
    const agent = new Agent(t.app);
    const url = await signInAtIdp(agent, 'fresh');
    idp.tamperIdToken = (claims) => ({ ...claims, nonce: 'someone-elses-nonce' });
    try {
      await expectRefused(agent, await callback(agent, url), 'nonce');
    } finally {
      idp.tamperIdToken = undefined;
    }
  });

  it('refuses an ID token issued for another application', async () => {
    await setUp();
    const before = await countRows();
    const agent = new Agent(t.app);
    const url = await signInAtIdp(agent, 'fresh');
    idp.tamperIdToken = (claims) => ({ ...claims, aud: 'another-application' });
    try {
      await expectRefused(agent, await callback(agent, url), 'wrong_audience');
    } finally {
      idp.tamperIdToken = undefined;
    }
    expect(await countRows()).toEqual(before);
  });

  it('refuses an expired ID token', async () => {
    await setUp();
    const agent = new Agent(t.app);
    const url = await signInAtIdp(agent, 'fresh');
    const now = Math.floor(Date.now() / 1000);
    idp.tamperIdToken = (claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 });
    try {
      await expectRefused(agent, await callback(agent, url), 'token_expired');
    } finally {
      idp.tamperIdToken = undefined;
    }
  });

  it('says so when the person cancels at the provider', async () => {
    await setUp();
    const agent = new Agent(t.app);
    const start = await agent.get('/api/auth/oidc/test-idp/login');
    const back = await new IdpBrowser().cancel(String(start.headers.location));
    await expectRefused(agent, await callback(agent, back), 'cancelled');
  });

  it('says so when the provider cannot be reached', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await expectRefused(agent, await agent.get('/api/auth/oidc/down/login'), 'unavailable');
  });

  it('refuses a callback without the login this browser started', async () => {
    await setUp();
    const starter = new Agent(t.app);
    const url = await signInAtIdp(starter, 'fresh');
    const other = new Agent(t.app);
    await expectRefused(other, await callback(other, url), 'expired');
  });

  it('answers an unknown provider with the login page, not a 500', async () => {
    const agent = new Agent(t.app);
    await expectRefused(agent, await agent.get('/api/auth/oidc/nope/login'), 'unknown_provider');
  });

  it('keeps logging in after the provider rotates its signing keys', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await callback(agent, await signInAtIdp(agent, 'grace'));
    expect(await whoIs(agent)).not.toBeNull();
    await idp.rotateKeys();
    const after = new Agent(t.app);
    await callback(after, await signInAtIdp(after, 'grace'));
    expect(await whoIs(after)).toMatchObject({ name: 'Grace Hopper' });
  });

  it('refuses a blocked account', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await callback(agent, await signInAtIdp(agent, 'grace'));
    const grace = await whoIs(agent);
    await t.deps.db
      .update(users)
      .set({ isBlocked: true })
      .where(eq(users.id, grace?.id ?? 0));
    try {
      const next = new Agent(t.app);
      await expectRefused(next, await callback(next, await signInAtIdp(next, 'grace')), 'blocked');
    } finally {
      await t.deps.db
        .update(users)
        .set({ isBlocked: false })
        .where(eq(users.id, grace?.id ?? 0));
    }
  });

  it('offers the provider’s logout after a single sign-on, and nothing after a password login', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await callback(agent, await signInAtIdp(agent, 'grace'));
    const res = await agent.get('/api/auth/oidc/end-session');
    const url = new URL(res.json().url as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE_URL}/`);
    expect(url.searchParams.get('client_id')).toBe('convene');

    const local = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    expect((await local.get('/api/auth/oidc/end-session')).json()).toEqual({ url: null });
  });

  it('refuses password logins to everyone but administrators when passwords are turned off', async () => {
    await setUp();
    const adminUser = await makeUser(t.deps.db, { isAdmin: true });
    const admin = await agentFor(t.app, t.deps.db, adminUser);
    const off = { localPasswords: false, signupEnabled: false, signupDomains: [] };
    expect((await admin.put('/api/admin/auth-settings', off)).statusCode).toBe(200);
    try {
      const person = await makeUser(t.deps.db);
      const refused = await new Agent(t.app).post('/api/auth/login', {
        email: person.email,
        password: TEST_PASSWORD,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toMatch(/single sign-on/);
      const adminLogin = await new Agent(t.app).post('/api/auth/login', {
        email: adminUser.email,
        password: TEST_PASSWORD,
      });
      expect(adminLogin.statusCode).toBe(200);
      expect((await new Agent(t.app).get('/api/auth/options')).json()).toMatchObject({
        localPasswords: false,
      });
    } finally {
      await admin.put('/api/admin/auth-settings', { ...off, localPasswords: true });
    }
  });

  it('lets the Zoom lookup use the username of a configured identity provider only', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const body = {
      ...ZOOM_SETTINGS_DEFAULTS,
      userLookupMode: 'username_at_domain',
      enterpriseDomain: 'corp.example',
    };
    const unknown = await admin.put('/api/admin/vc/zoom/settings', { ...body, usernameProvider: 'nope' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('usernameProvider');
    const known = await admin.put('/api/admin/vc/zoom/settings', { ...body, usernameProvider: 'test-idp' });
    expect(known.statusCode).toBe(200);
    expect(known.json().settings.usernameProvider).toBe('test-idp');
  });

  it('keeps the authorization code and state out of the log', async () => {
    await setUp();
    const agent = new Agent(t.app);
    const url = new URL(await signInAtIdp(agent, 'grace'));
    const code = url.searchParams.get('code') ?? '';
    const state = url.searchParams.get('state') ?? '';
    expect(code.length).toBeGreaterThan(10);
    await callback(agent, url.toString());
    expect(await whoIs(agent)).not.toBeNull();
    const text = JSON.stringify(logs);
    expect(text).not.toContain(code);
    expect(text).not.toContain(state);
    expect(text).toContain('/api/auth/oidc/test-idp/callback?code=[redacted]');
  });

  it('makes well-formed text of odd claims instead of failing', async () => {
    await setUp();
    const agent = new Agent(t.app);
    await callback(agent, await signInAtIdp(agent, 'odd'));
    const user = await whoIs(agent);
    expect(user?.name).toBe('Ada Byron\ufffd');
    const [row] = await t.deps.db
      .select()
      .from(users)
      .where(eq(users.id, user?.id ?? 0));
    expect(row?.affiliation).toBe('');
  });
});
