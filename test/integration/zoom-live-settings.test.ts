// Zoom credentials saved by an administrator take effect on the next Zoom call of every instance, and
// clearing them brings the sandbox back, without a restart. "Zoom" here is a standalone sandbox on a
// loopback port, which the environment names as the Zoom API (as ZOOM_API_BASE_URL would).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../src/contracts/vc-zoom';
import { buildApp } from '../../src/server/app';
import { makeDeps } from '../../src/server/deps';
import type { App } from '../../src/server/http/types';
import { mountInProcessSandbox } from '../../src/server/zoom-sandbox-mode';
import { buildZoomSandbox, createSandboxState, type SandboxState } from '../../src/zoom-sandbox';
import { testConfig } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { agentFor, makeUser } from '../support/factories';

const ZOOM_APP = { accountId: 'real-account', clientId: 'real-client', clientSecret: 'real-secret-Kx2' };
const HOST = 'ada@example.org';

describe('Zoom credentials saved under Administration', () => {
  const server = http.createServer();
  let zoom: SandboxState;
  let closeZoom: () => Promise<void>;
  let database: TestDatabase;
  let first: App;
  let second: App;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const zoomUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    zoom = createSandboxState({
      publicUrl: zoomUrl,
      credentials: ZOOM_APP,
      users: [{ email: HOST, firstName: 'Ada', lastName: 'Lovelace', type: 2 }],
    });
    const zoomApp = await buildZoomSandbox({ state: zoom });
    await zoomApp.ready();
    server.on('request', (req, res) => zoomApp.routing(req, res));
    closeZoom = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await zoomApp.close();
      zoom.close();
    };

    database = await createTestDatabase();
    const config = testConfig();
    config.zoom = {
      ...config.zoom,
      oauthTokenUrl: `${zoomUrl}/oauth/token`,
      apiBaseUrl: `${zoomUrl}/v2`,
      fromEnv: { oauthTokenUrl: true, apiBaseUrl: true, timeoutMs: false },
    };
    // Two instances of Convene on one database.
    const start = async () => {
      const app = await buildApp(makeDeps({ config, db: database.db, pool: database.pool }), {
        logger: false,
        zoomStandIn: mountInProcessSandbox,
      });
      await app.ready();
      return app;
    };
    first = await start();
    second = await start();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
    await closeZoom?.();
  });

  const status = async (app: App) =>
    (await app.inject({ method: 'GET', url: '/api/vc/zoom/status' })).json<{ mode: string }>().mode;

  it('switches every instance from the sandbox to Zoom at once, and back when they are cleared', async () => {
    const admin = await agentFor(first, database.db, await makeUser(database.db, { isAdmin: true }));
    await makeUser(database.db, { name: 'Ada Lovelace', email: HOST });
    const settings = { ...ZOOM_SETTINGS_DEFAULTS };

    expect(await status(first)).toBe('sandbox');
    const inSandbox = await (await second.zoom.client()).createMeeting(HOST, { topic: 'Before', type: 2 });
    expect(inSandbox.join_url).toContain('/zoom-sandbox/j/');
    expect(zoom.meetings.all()).toHaveLength(0);

    const saved = await admin.put('/api/admin/vc/zoom/settings', { ...settings, ...ZOOM_APP });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ mode: 'zoom' });

    // The other instance's next Zoom call goes to Zoom; its banner and its sandbox follow.
    expect(await status(second)).toBe('zoom');
    const onZoom = await (await second.zoom.client()).createMeeting(HOST, { topic: 'After', type: 2 });
    expect(zoom.meetings.all().map((m) => m.topic)).toEqual(['After']);
    expect(onZoom.join_url).not.toContain('/zoom-sandbox/');
    const sandboxToken = await second.inject({ method: 'POST', url: '/zoom-sandbox/oauth/token' });
    expect(sandboxToken.statusCode).toBe(404);

    const cleared = await admin.put('/api/admin/vc/zoom/settings', {
      ...settings,
      accountId: null,
      clientId: null,
      clientSecret: null,
    });
    expect(cleared.json()).toMatchObject({ mode: 'sandbox' });
    expect(await status(second)).toBe('sandbox');
    const back = await (await second.zoom.client()).createMeeting(HOST, { topic: 'Again', type: 2 });
    expect(back.join_url).toContain('/zoom-sandbox/j/');
    expect(zoom.meetings.all()).toHaveLength(1);
  });
});
