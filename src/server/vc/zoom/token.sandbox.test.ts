// Tokens against the Zoom sandbox: one request per credential set, shared through PostgreSQL, renewed
// early, refreshed once on 401, and clear errors for bad credentials and missing scopes.
import { describe, expect, it } from 'vitest';
import { HOST, useZoomSandbox } from '../../../../test/support/zoom-sandbox-harness';
import { isZoomError } from './errors';
import type { FetchLike } from './http';
import { tokenCacheKey } from './token';

describe('Zoom tokens', () => {
  const h = useZoomSandbox();

  it('are asked for with a form body and Basic auth, and the api_url they name is used', async () => {
    const sent: Array<{ url: string; init: RequestInit }> = [];
    const spy: FetchLike = (url, init) => {
      sent.push({ url, init });
      return fetch(url, init);
    };
    const token = await h.client({ fetch: spy }).getToken();
    expect(token.apiUrl).toBe(`${h.baseUrl}/v2`);
    const [req] = sent;
    expect(req?.url).toBe(`${h.baseUrl}/oauth/token`);
    const headers = new Headers(req?.init.headers);
    expect(headers.get('authorization')).toBe(
      `Basic ${Buffer.from('client-convene:secret-convene').toString('base64')}`,
    );
    expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(req?.init.body).toBe('grant_type=account_credentials&account_id=acc-convene');
  });

  it('are kept in PostgreSQL under a hash that reveals no credential, and reused by another instance', async () => {
    await h.client().getUser(HOST);
    await h.client().getUser(HOST);
    expect(h.state.tokenRequestCount).toBe(1);
    const { rows } = await h.database.pool.query(
      'SELECT key, access_token, api_url, scopes FROM zoom_tokens',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].key).toBe(tokenCacheKey(h.credentials));
    expect(rows[0].key).not.toMatch(/secret-convene|client-convene/);
    expect(rows[0].api_url).toBe(`${h.baseUrl}/v2`);
    expect(rows[0].scopes).toContain('meeting:read:meeting:admin');
  });

  it('20 concurrent calls from two client instances sharing one database make exactly one token request', async () => {
    // A slow token endpoint makes sure both instances are waiting for a token at the same time.
    h.state.injectFault({ path: '/oauth/token', delayMs: 200 });
    const a = h.client();
    const b = h.client();
    const calls = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).getUser(HOST));
    const users = await Promise.all(calls);
    expect(users.every((u) => u.email === HOST)).toBe(true);
    expect(h.state.tokenRequestCount).toBe(1);
  });

  it('are renewed five minutes before they expire, not earlier', async () => {
    const client = h.client();
    await client.getUser(HOST);
    h.clock.advance((3599 - 6 * 60) * 1000);
    await client.getUser(HOST);
    expect(h.state.tokenRequestCount).toBe(1);
    h.clock.advance(2 * 60 * 1000);
    await client.getUser(HOST);
    expect(h.state.tokenRequestCount).toBe(2);
  });

  it('expired on Zoom mid-run are dropped after the 401, renewed once, and the call succeeds', async () => {
    const client = h.client();
    await client.getUser(HOST);
    h.state.expireTokens();
    h.state.requests.clear();
    await expect(client.getUser(HOST)).resolves.toMatchObject({ email: HOST });
    expect(h.state.tokenRequestCount).toBe(2);
    expect(h.state.requests.entries.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /v2/users/${encodeURIComponent(HOST)} 401`,
      'POST /oauth/token 200',
      `GET /v2/users/${encodeURIComponent(HOST)} 200`,
    ]);
  });

  it('revoked on Zoom are renewed by one instance and picked up from PostgreSQL by the other', async () => {
    const a = h.client();
    const b = h.client();
    await a.getUser(HOST);
    await b.getUser(HOST);
    h.state.revokeTokens();
    await a.getUser(HOST);
    await b.getUser(HOST);
    expect(h.state.tokenRequestCount).toBe(2);
  });

  it('refused again after renewal raise a token error instead of looping', async () => {
    await h.client().getUser(HOST);
    h.state.injectFault({
      path: '/v2/users/*',
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
      times: 5,
    });
    const err = await h
      .client()
      .getUser(HOST)
      .catch((e: unknown) => e);
    expect(isZoomError(err, 'token')).toBe(true);
    expect(h.state.tokenRequestCount).toBe(2);
  });

  it('cannot be had with a wrong client secret, and the error says which setting to check', async () => {
    const err = await h
      .client({ credentials: { clientSecret: 'wrong' } })
      .getUser(HOST)
      .catch((e: unknown) => e);
    expect(isZoomError(err, 'credentials')).toBe(true);
    expect((err as Error).message).toMatch(/client ID or client secret .*ZOOM_CLIENT_SECRET/);
    expect((err as Error).message).not.toContain('wrong');
  });

  it('cannot be had with a wrong account id, and the error names the account id', async () => {
    const err = await h
      .client({ credentials: { accountId: 'nope' } })
      .getToken()
      .catch((e: unknown) => e);
    expect(isZoomError(err, 'credentials')).toBe(true);
    expect((err as Error).message).toMatch(/account ID .*ZOOM_ACCOUNT_ID/);
  });

  it('that lack a scope make calls fail with the missing scope named (4711), without a retry', async () => {
    h.state.withholdScopes(['user:read:user:admin']);
    h.state.requests.clear();
    const err = await h
      .client()
      .getUser(HOST)
      .catch((e: unknown) => e);
    expect(isZoomError(err, 'scope')).toBe(true);
    expect((err as { missingScopes: string[] }).missingScopes).toContain('user:read:user:admin');
    expect(h.state.countRequests({ path: '/v2/users/*' })).toBe(1);
  });

  it('are requested again after a 5xx of the token endpoint', async () => {
    h.state.injectFault({ path: '/oauth/token', status: 503, times: 1 });
    await expect(h.client().getToken()).resolves.toMatchObject({ apiUrl: `${h.baseUrl}/v2` });
    expect(h.state.tokenRequestCount).toBe(1);
    expect(h.waits).toHaveLength(1);
  });

  it('time out when the token endpoint does not answer', async () => {
    h.state.injectFault({ path: '/oauth/token', delayMs: 1_000, times: 3 });
    const err = await h
      .client({ timeoutMs: 100 })
      .getToken()
      .catch((e: unknown) => e);
    expect(isZoomError(err, 'timeout')).toBe(true);
    expect((err as Error).message).toBe(
      'Zoom did not answer within 0.1 s when asked to issue an access token.',
    );
  });
});
