import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { UpdateZoomSettingsRequest } from '../../src/contracts/vc-zoom';
import { ZOOM_SETTINGS_DEFAULTS } from '../../src/contracts/vc-zoom';
import { buildApp } from '../../src/server/app';
import { makeDeps } from '../../src/server/deps';
import { loggerOptions } from '../../src/server/logger';
import { readZoomProviderSettings } from '../../src/server/vc/zoom/settings';
import { mountInProcessSandbox } from '../../src/server/zoom-sandbox-mode';
import { Agent, testConfig, useTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { agentFor, makeUser } from '../support/factories';

const URL = '/api/admin/vc/zoom/settings';
const body = (over: Partial<UpdateZoomSettingsRequest> = {}): UpdateZoomSettingsRequest => ({
  ...ZOOM_SETTINGS_DEFAULTS,
  ...over,
});
const SECRETS = {
  accountId: 'acct-Zq81-secret',
  clientId: 'client-Zq81-secret',
  clientSecret: 'csecret-Zq81-very-secret',
  webhookSecret: 'whsec-Zq81-very-secret',
};

describe('the Zoom settings API', () => {
  const t = useTestApp();
  const admin = async () => agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));

  it('answers 401 to an anonymous visitor and 403 to a user who is not an administrator', async () => {
    const anonymous = new Agent(t.app);
    expect((await anonymous.get(URL)).statusCode).toBe(401);
    expect((await anonymous.put(URL, body())).statusCode).toBe(401);
    const user = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    expect((await user.get(URL)).statusCode).toBe(403);
    expect((await user.put(URL, body())).statusCode).toBe(403);
    expect((await user.post('/api/admin/vc/zoom/test-connection', {})).statusCode).toBe(403);
  });

  it('shows an administrator the defaults, the sandbox in use and the webhook URL', async () => {
    const res = await (await admin()).get(URL);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'sandbox',
      credentials: {
        accountId: { set: false, fromEnvironment: false, envName: 'ZOOM_ACCOUNT_ID' },
        clientSecret: { set: false, fromEnvironment: false, envName: 'ZOOM_CLIENT_SECRET' },
        webhookSecret: { set: false, fromEnvironment: false, envName: 'ZOOM_WEBHOOK_SECRET' },
      },
      webhookUrl: 'http://localhost:8080/api/vc/zoom/webhook',
      settings: ZOOM_SETTINGS_DEFAULTS,
      users: [],
    });
  });

  it('saves the settings, which the provider then reads with readZoomProviderSettings', async () => {
    const agent = await admin();
    const creator = await makeUser(t.deps.db, { name: 'Chris Creator' });
    const manager = await makeUser(t.deps.db, { name: 'Mia Manager' });
    const res = await agent.put(
      URL,
      body({
        creatorsRestricted: true,
        creatorIds: [creator.id, creator.id],
        managerIds: [manager.id],
        userLookupMode: 'email_domains',
        emailDomains: [' Uni.Example.ORG', 'cern.ch'],
        allowWebinars: true,
        passcodeLength: 10,
        waitingRoom: true,
        joinBeforeHost: false,
        sendHostUrl: true,
        phoneLink: 'https://example.org/dial-in',
      }),
    );
    expect(res.statusCode).toBe(200);
    const expected = {
      ...ZOOM_SETTINGS_DEFAULTS,
      creatorsRestricted: true,
      creatorIds: [creator.id],
      managerIds: [manager.id],
      userLookupMode: 'email_domains',
      emailDomains: ['uni.example.org', 'cern.ch'],
      allowWebinars: true,
      passcodeLength: 10,
      waitingRoom: true,
      joinBeforeHost: false,
      sendHostUrl: true,
      phoneLink: 'https://example.org/dial-in',
    };
    expect(res.json().settings).toEqual(expected);
    expect(
      res
        .json()
        .users.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['Chris Creator', 'Mia Manager']);
    expect(await readZoomProviderSettings(t.deps.db)).toEqual(expected);
    expect((await agent.get(URL)).json().settings).toEqual(expected);
    await agent.put(URL, body());
  });

  it('refuses invalid settings with 422, naming every field at fault', async () => {
    const agent = await admin();
    const res = await agent.put(URL, {
      ...body(),
      passcodeLength: 7,
      phoneLink: 'ftp://example.org/phone',
      emailDomains: ['not a domain'],
      userLookupMode: 'by_magic',
      muteAudio: 'yes',
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'passcodeLength',
        'phoneLink',
        'emailDomains.0',
        'userLookupMode',
        'muteAudio',
      ]),
    );
    expect(res.json().error.message).toContain('passcodeLength: must be at least 8');
  });

  it('requires the domains of the e-mail-domain lookup and the enterprise domain of the username lookup', async () => {
    const agent = await admin();
    const domains = await agent.put(URL, body({ userLookupMode: 'email_domains', emailDomains: [] }));
    expect(domains.statusCode).toBe(422);
    expect(domains.json().error.fields).toEqual([
      {
        field: 'emailDomains',
        message: 'must list at least one domain when users are looked up by e-mail domain',
      },
    ]);
    const enterprise = await agent.put(URL, body({ userLookupMode: 'username_at_domain' }));
    expect(enterprise.json().error.fields).toEqual([
      { field: 'enterpriseDomain', message: 'is required when users are looked up by username' },
    ]);
  });

  it('refuses to list users who do not exist', async () => {
    const res = await (await admin()).put(URL, body({ creatorIds: [999_999], managerIds: [999_998] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'creatorIds', message: 'no user has the id 999999' },
      { field: 'managerIds', message: 'no user has the id 999998' },
    ]);
  });

  it('keeps credentials write-only: saved, reported as set, never returned in any response', async () => {
    const agent = await admin();
    const saved = await agent.put(URL, { ...body(), ...SECRETS });
    expect(saved.statusCode).toBe(200);
    const read = await agent.get(URL);
    const tested = await agent.post('/api/admin/vc/zoom/test-connection', {});
    for (const res of [saved, read, tested])
      for (const secret of Object.values(SECRETS)) expect(res.body).not.toContain(secret);
    expect(read.json().credentials).toEqual({
      accountId: { set: true, fromEnvironment: false, envName: 'ZOOM_ACCOUNT_ID' },
      clientId: { set: true, fromEnvironment: false, envName: 'ZOOM_CLIENT_ID' },
      clientSecret: { set: true, fromEnvironment: false, envName: 'ZOOM_CLIENT_SECRET' },
      webhookSecret: { set: true, fromEnvironment: false, envName: 'ZOOM_WEBHOOK_SECRET' },
    });
    // Saved credentials are in force at once, without a restart.
    expect(read.json()).toMatchObject({ mode: 'zoom' });

    const untouched = await agent.put(URL, body({ allowWebinars: true }));
    expect(untouched.json().credentials.clientSecret.set).toBe(true);
    const removed = await agent.put(URL, {
      ...body(),
      accountId: null,
      clientId: null,
      clientSecret: null,
      webhookSecret: null,
    });
    expect(removed.json()).toMatchObject({
      mode: 'sandbox',
      credentials: { clientSecret: { set: false }, webhookSecret: { set: false } },
    });
  });

  it('refuses an empty credential (null removes one)', async () => {
    const res = await (await admin()).put(URL, { ...body(), clientSecret: '  ' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'clientSecret', message: 'must not be empty (send null to remove it)' },
    ]);
  });
});

describe('the Zoom settings log', () => {
  it('records who changed which setting, without the credentials’ values', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await createTestDatabase();
    const deps = makeDeps({ config: testConfig(), db: database.db, pool: database.pool });
    const options = loggerOptions('info');
    const app = await buildApp(deps, {
      logger: typeof options === 'object' ? { ...options, stream } : { level: 'info', stream },
      zoomStandIn: mountInProcessSandbox,
    });
    try {
      await app.ready();
      const admin = await makeUser(database.db, { isAdmin: true });
      const agent = await agentFor(app, database.db, admin);
      const res = await agent.put(URL, { ...body({ allowWebinars: true }), ...SECRETS });
      expect(res.statusCode).toBe(200);
      const log = lines.join('');
      for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret);
      const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'Zoom settings changed');
      expect(entry).toMatchObject({
        adminId: admin.id,
        zoomSettingsChanged: {
          settings: ['allowWebinars'],
          credentials: [
            { key: 'accountId', change: 'set' },
            { key: 'clientId', change: 'set' },
            { key: 'clientSecret', change: 'set' },
            { key: 'webhookSecret', change: 'set' },
          ],
        },
      });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('Zoom settings with credentials in the environment', () => {
  const t = useTestApp({
    config: {
      zoom: {
        ...testConfig().zoom,
        accountId: 'env-account',
        clientId: 'env-client',
        clientSecret: 'env-client-secret-Zq81',
      },
    },
  });

  it('says which credentials the environment sets, without their values, and that Zoom is in use', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const res = await agent.get(URL);
    expect(res.json()).toMatchObject({
      mode: 'zoom',
      credentials: {
        accountId: { set: true, fromEnvironment: true },
        clientSecret: { set: true, fromEnvironment: true },
        webhookSecret: { set: false, fromEnvironment: false },
      },
    });
    expect(res.body).not.toContain('env-client-secret-Zq81');
    expect(res.body).not.toContain('env-account');
  });

  it('refuses to change a credential the environment sets, and saves the others', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const refused = await agent.put(URL, { ...body(), clientSecret: 'another', webhookSecret: 'whsec' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([
      { field: 'clientSecret', message: 'is set by the environment (ZOOM_CLIENT_SECRET); change it there' },
    ]);
    const saved = await agent.put(URL, { ...body(), webhookSecret: 'whsec' });
    expect(saved.json().credentials.webhookSecret).toEqual({
      set: true,
      fromEnvironment: false,
      envName: 'ZOOM_WEBHOOK_SECRET',
    });
  });
});
