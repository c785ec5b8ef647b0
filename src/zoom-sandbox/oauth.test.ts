import { describe, expect, it } from 'vitest';
import { DEFAULT_GRANTED_SCOPES } from './scopes';
import { basicAuth, CREDENTIALS, makeSandbox, PUBLIC_URL, requestToken } from './test-helpers';

describe('POST /oauth/token', () => {
  it('issues a one-hour bearer token with the granted scopes and the api_url to use', async () => {
    const { app } = await makeSandbox();
    const res = await requestToken(app);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3599,
      scope: DEFAULT_GRANTED_SCOPES.join(' '),
      api_url: PUBLIC_URL,
    });
    expect(body.access_token.length).toBeGreaterThan(40);
    expect(res.headers['x-zm-trackingid']).toMatch(/^v=2\.0;/);
  });

  it('accepts grant_type and account_id in the query string, as Indico sends them', async () => {
    const { app } = await makeSandbox();
    const res = await app.inject({
      method: 'POST',
      url: `/oauth/token?grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
      headers: { authorization: basicAuth(CREDENTIALS) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe('bearer');
  });

  it('issues new tokens without invalidating earlier ones', async () => {
    const sandbox = await makeSandbox();
    const first = await sandbox.token();
    const second = await sandbox.token();
    expect(first).not.toBe(second);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, first)).statusCode).toBe(200);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, second)).statusCode).toBe(200);
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const { app } = await makeSandbox();
    const res = await requestToken(app, { ...CREDENTIALS, clientSecret: 'wrong' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
  });

  it('refuses a request without Basic credentials with invalid_client', async () => {
    const { app } = await makeSandbox();
    const res = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_client');
  });

  it('refuses another grant type with unsupported_grant_type', async () => {
    const { app } = await makeSandbox();
    const res = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: basicAuth(CREDENTIALS), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
  });

  it('refuses a request without grant_type or without account_id with invalid_request', async () => {
    const { app } = await makeSandbox();
    const post = (payload: string) =>
      app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basicAuth(CREDENTIALS),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload,
      });
    expect((await post(`account_id=${CREDENTIALS.accountId}`)).json()).toEqual({
      reason: 'Missing grant type',
      error: 'invalid_request',
    });
    const noAccount = await post('grant_type=account_credentials');
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.json()).toEqual({ reason: 'Missing account_id', error: 'invalid_request' });
  });

  it('refuses an account id that is not the app’s account', async () => {
    const { app } = await makeSandbox();
    const res = await requestToken(app, { ...CREDENTIALS, accountId: 'someone-else' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ reason: 'Account does not exist', error: 'invalid_request' });
  });

  it('serves several apps, each with its own account and scopes', async () => {
    const other = {
      accountId: 'acct-2',
      clientId: 'client-2',
      clientSecret: 'secret-2',
      scopes: ['user:read:admin'],
    };
    const { app } = await makeSandbox({ credentials: [CREDENTIALS, other] });
    const res = await requestToken(app, other);
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('user:read:admin');
  });

  it('counts every token request, successful or not', async () => {
    const { app, state } = await makeSandbox();
    await requestToken(app);
    await requestToken(app, { ...CREDENTIALS, clientSecret: 'wrong' });
    expect(state.tokenRequestCount).toBe(2);
    expect(state.tokens.issuedCount).toBe(1);
    expect(state.countRequests({ method: 'POST', path: '/oauth/token' })).toBe(2);
  });

  it('lets a token work until expires_in has passed on the sandbox clock, then reports it expired', async () => {
    const sandbox = await makeSandbox();
    const token = await sandbox.token();
    sandbox.state.advanceClock(3598_000);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, token)).statusCode).toBe(200);
    sandbox.state.advanceClock(1000);
    const res = await sandbox.call('GET', '/v2/users/me', undefined, token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 124, message: 'Access token is expired.' });
  });
});
