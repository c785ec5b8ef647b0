import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../support/app';
import { agentFor, makeUser } from '../support/factories';

const TEST = '/api/admin/vc/zoom/test-connection';

describe('Test connection while the sandbox is in use', () => {
  const t = useTestApp();
  const admin = async () => agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
  const state = () => {
    const sandbox = t.app.zoomSandbox;
    if (!sandbox) throw new Error('the sandbox is not running');
    return sandbox.state;
  };

  it('fetches a fresh token from the sandbox and reports its API URL and scopes, none missing', async () => {
    const before = state().tokenRequestCount;
    const res = await (await admin()).post(TEST, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      target: 'sandbox',
      apiUrl: 'http://localhost:8080/zoom-sandbox/v2',
      missingScopes: [],
    });
    expect(res.json().scopes).toContain('meeting:write:meeting:admin');
    expect(state().tokenRequestCount).toBe(before + 1);
  });

  it('names the scopes the app lacks, with what Convene needs them for', async () => {
    state().withholdScopes(['meeting:delete:meeting:admin', 'user:read:user:admin']);
    try {
      const res = await (await admin()).post(TEST, {});
      expect(res.json()).toMatchObject({
        ok: true,
        missingScopes: [
          { purpose: 'look up users', scope: 'user:read:user:admin' },
          { purpose: 'delete meetings', scope: 'meeting:delete:meeting:admin' },
        ],
      });
    } finally {
      state().withholdScopes([]);
    }
  });

  it('reports a failing token endpoint as a result, not as a server error', async () => {
    state().injectFault({ method: 'POST', path: '/oauth/token', status: 503, times: 1 });
    const res = await (await admin()).post(TEST, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, target: 'sandbox', kind: 'unavailable' });
    expect(res.json().message).toContain('failed (HTTP 503)');
  });

  it('asks for the credentials still missing when only some were typed', async () => {
    const res = await (await admin()).post(TEST, { clientId: 'typed-client' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'accountId', message: 'is required to test the connection' },
      { field: 'clientSecret', message: 'is required to test the connection' },
    ]);
  });
});

// As when ZOOM_OAUTH_TOKEN_URL and ZOOM_API_BASE_URL name a Zoom sandbox: here the in-process one.
describe('Test connection with credentials typed in the form', () => {
  const t = useTestApp({
    config: {
      zoom: {
        ...testConfig().zoom,
        oauthTokenUrl: 'http://localhost:8080/zoom-sandbox/oauth/token',
        apiBaseUrl: 'http://localhost:8080/zoom-sandbox/v2',
      },
    },
  });
  const admin = async () => agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
  const sandboxCredentials = () => {
    const sandbox = t.app.zoomSandbox;
    if (!sandbox) throw new Error('the sandbox is not running');
    return sandbox.credentials;
  };

  it('says clearly that Zoom rejected a wrong client secret', async () => {
    const { accountId, clientId } = sandboxCredentials();
    const res = await (await admin()).post(TEST, { accountId, clientId, clientSecret: 'not-the-secret' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, target: 'zoom', kind: 'credentials' });
    expect(res.json().message).toMatch(/^Zoom rejected the client ID or client secret/);
    expect(res.body).not.toContain('not-the-secret');
  });

  it('says clearly that Zoom rejected a wrong account ID', async () => {
    const { clientId, clientSecret } = sandboxCredentials();
    const res = await (await admin()).post(TEST, { accountId: 'someone-else', clientId, clientSecret });
    expect(res.json()).toMatchObject({ ok: false, kind: 'credentials' });
    expect(res.json().message).toMatch(/account ID/);
  });

  it('succeeds with the right credentials before they are saved', async () => {
    const { accountId, clientId, clientSecret } = sandboxCredentials();
    const res = await (await admin()).post(TEST, { accountId, clientId, clientSecret });
    expect(res.json()).toMatchObject({ ok: true, target: 'zoom', missingScopes: [] });
    expect(res.body).not.toContain(clientSecret);
  });
});
