import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { makeDeps } from '../../src/server/deps';
import { ZoomClient } from '../../src/server/vc/zoom/client';
import { mountInProcessSandbox } from '../../src/server/zoom-sandbox-mode';
import { testConfig, useTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { makeUser } from '../support/factories';

describe('Zoom sandbox mode (no Zoom credentials)', () => {
  const t = useTestApp();

  it('says the server runs the Zoom sandbox', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vc/zoom/status' });
    expect(res.json()).toEqual({ mode: 'sandbox' });
  });

  it('lets the Zoom client create a meeting for a local account, without the network', async () => {
    const user = await makeUser(t.deps.db, { name: 'Ada Lovelace', email: 'ada@example.org' });
    const runtime = t.app.zoom.runtime;
    const resolved = await runtime.resolve();
    if (!resolved.configured) throw new Error('sandbox credentials missing');
    const client = new ZoomClient(resolved.credentials, t.deps.db, { fetch: runtime.fetch });
    const meeting = await client.createMeeting(user.email, { topic: 'Weekly meeting', type: 3 });
    expect(meeting.join_url).toMatch(/^http:\/\/localhost:8080\/zoom-sandbox\/j\/\d{10,11}\?pwd=/);
    expect((await client.getUser(user.email)).first_name).toBe('Ada');
    const page = await t.app.inject({ method: 'GET', url: new URL(meeting.join_url).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Weekly meeting');
  });

  it('keeps sandbox meetings across a restart on the same data directory', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const start = async () => {
      const app = await buildApp(makeDeps({ config, db: database.db, pool: database.pool }), {
        logger: false,
        zoomStandIn: mountInProcessSandbox,
      });
      await app.ready();
      return app;
    };
    try {
      const first = await start();
      const user = await makeUser(database.db);
      const runtime = first.zoom.runtime;
      const resolved = await runtime.resolve();
      if (!resolved.configured) throw new Error('sandbox credentials missing');
      const client = new ZoomClient(resolved.credentials, database.db, { fetch: runtime.fetch });
      const meeting = await client.createMeeting(user.email, { topic: 'Survives restarts', type: 3 });
      await first.close();
      expect(fs.existsSync(path.join(config.dataDir, 'zoom-sandbox.json'))).toBe(true);

      const second = await start();
      const again = second.zoom.runtime;
      const resolvedAgain = await again.resolve();
      if (!resolvedAgain.configured) throw new Error('sandbox credentials missing');
      const client2 = new ZoomClient(resolvedAgain.credentials, database.db, { fetch: again.fetch });
      expect((await client2.getMeeting(meeting.id)).topic).toBe('Survives restarts');
      await second.close();
    } finally {
      await database.drop();
    }
  });
});

describe('with Zoom credentials', () => {
  const t = useTestApp({
    config: {
      zoom: {
        ...testConfig().zoom,
        accountId: 'acct',
        clientId: 'client',
        clientSecret: 'secret',
      },
    },
  });

  it('does not run the sandbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/vc/zoom/status' })).json()).toEqual({
      mode: 'zoom',
    });
    expect((await t.app.inject({ method: 'POST', url: '/zoom-sandbox/oauth/token' })).statusCode).toBe(404);
  });
});
