// The zoom CLI's commands against the Zoom sandbox: output a person can read, exit codes a script can use.
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/app';
import { HOST, useZoomSandbox } from '../../test/support/zoom-sandbox-harness';
import type { Config } from '../server/config';
import { EXIT, runZoomCli } from './zoom-commands';

describe('npm run zoom', () => {
  const h = useZoomSandbox();

  async function run(argv: string[], zoom: Partial<Config['zoom']> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const base = testConfig();
    const config = testConfig({
      zoom: {
        ...base.zoom,
        accountId: h.credentials.accountId,
        clientId: h.credentials.clientId,
        clientSecret: h.credentials.clientSecret,
        oauthTokenUrl: h.credentials.oauthTokenUrl,
        apiBaseUrl: h.credentials.apiBaseUrl,
        ...zoom,
      },
    });
    const code = await runZoomCli(argv, {
      config,
      db: h.db,
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
      clientOptions: { clock: h.clock },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('check prints the API URL and the scopes, and exits 0 when none is missing', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain(`API URL: ${h.baseUrl}/v2`);
    expect(r.out).toMatch(/Granted scopes: .*meeting:read:meeting:admin/);
    expect(r.out).toContain('Missing scopes: none');
  });

  it('check names the missing scopes, webinar ones included, and exits 4', async () => {
    h.state.withholdScopes(['webinar:read:webinar:admin', 'meeting:delete:meeting:admin']);
    const r = await run(['check']);
    expect(r.code).toBe(EXIT.scopes);
    expect(r.out).toContain('Missing scopes: meeting:delete:meeting:admin webinar:read:webinar:admin');
    expect(r.out).toContain('to read webinars: webinar:read:webinar:admin (or webinar:read:admin)');
    expect(r.out).toMatch(/Webinar scopes are needed even with webinars off/);
  });

  it('check fetches a fresh token, so scopes just added to the app show at once', async () => {
    await run(['check']);
    await run(['check']);
    expect(h.state.tokenRequestCount).toBe(2);
  });

  it('check with a wrong secret says so in one line and exits 3', async () => {
    const r = await run(['check'], { clientSecret: 'wrong' });
    expect(r.code).toBe(EXIT.credentials);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/client ID or client secret/);
  });

  it('exits 3 naming the variables when Zoom is not configured', async () => {
    const r = await run(['check'], { accountId: undefined, clientSecret: undefined });
    expect(r.code).toBe(EXIT.credentials);
    expect(r.err).toBe(
      'Zoom is not configured: set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_SECRET (or enter them in the Zoom admin settings).',
    );
  });

  it('user shows a Zoom user, and exits 5 for someone without an account', async () => {
    const found = await run(['user', HOST]);
    expect(found.code).toBe(EXIT.ok);
    expect(found.out).toMatch(/^Zoom user \S+: Hana Host <host@example.org>\nType: Licensed, status: active/);
    const missing = await run(['user', 'nobody@example.org']);
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.err).toMatch(/^nobody@example.org has no Zoom account/);
  });

  it('meeting shows a meeting without its passcode, and exits 5 when it is gone', async () => {
    const created = await h.client().createMeeting(HOST, { topic: 'Board', password: '24681357' });
    const shown = await run(['meeting', String(created.id)]);
    expect(shown.code).toBe(EXIT.ok);
    expect(shown.out).toContain(`Meeting ${created.id}: Board`);
    expect(shown.out).toContain('(passcode not shown)');
    expect(shown.out).not.toContain('24681357');
    expect(shown.out).not.toContain('pwd=');
    h.state.deleteMeetingOnZoom(created.id);
    expect((await run(['meeting', String(created.id)])).code).toBe(EXIT.notFound);
  });

  it('exits 2 on a wrong command line', async () => {
    expect((await run(['meeting', 'abc'])).code).toBe(EXIT.usage);
    expect((await run(['frobnicate'])).code).toBe(EXIT.usage);
    expect((await run([])).code).toBe(EXIT.usage);
  });

  it('prints each request with -v, without tokens', async () => {
    const r = await run(['user', HOST, '-v']);
    expect(r.err).toContain('POST /oauth/token → 200');
    expect(r.err).toContain(`GET /v2/users/${encodeURIComponent(HOST)} → 200`);
  });
});
