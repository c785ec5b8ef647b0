import { describe, expect, it } from 'vitest';
import { makeSandbox } from './test-helpers';

describe('API authentication and scopes', () => {
  it('answers 401/124 "Invalid access token." without an Authorization header', async () => {
    const { app } = await makeSandbox();
    const res = await app.inject({ method: 'GET', url: '/v2/users/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 124, message: 'Invalid access token.' });
    expect(res.headers['x-zm-trackingid']).toBeDefined();
  });

  it('answers 401/124 for a token the sandbox never issued', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/users/me', undefined, 'not-a-token');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 124, message: 'Invalid access token.' });
  });

  it('answers "Invalid access token." for revoked tokens and "Access token is expired." for expired ones', async () => {
    const sandbox = await makeSandbox();
    const a = await sandbox.token();
    sandbox.state.expireTokens();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, a)).json()).toEqual({
      code: 124,
      message: 'Access token is expired.',
    });
    const b = await sandbox.token();
    sandbox.state.revokeTokens();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, b)).json()).toEqual({
      code: 124,
      message: 'Invalid access token.',
    });
    const fresh = await sandbox.token();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, fresh)).statusCode).toBe(200);
  });

  it('answers 4711 naming the granular and classic scopes when the token lacks the endpoint’s scope', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.withholdScopes(['meeting:write:meeting:admin']);
    const token = await sandbox.token();
    const res = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'x' }, token);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 4711,
      message:
        'Invalid access token, does not contain scopes:[meeting:write:meeting:admin, meeting:write:admin].',
    });
    expect(sandbox.state.meetings.all()).toHaveLength(0);
  });

  it('leaves tokens issued before scopes were withheld untouched, as Zoom fixes scopes at issue', async () => {
    const sandbox = await makeSandbox();
    const before = await sandbox.token();
    sandbox.state.withholdScopes(['user:read:user:admin']);
    const after = await sandbox.token();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, before)).statusCode).toBe(200);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, after)).json().code).toBe(4711);
  });

  it('accepts the classic scope in place of the granular one', async () => {
    const classic = {
      accountId: 'acct-main',
      clientId: 'classic',
      clientSecret: 'classic-secret',
      scopes: ['meeting:read:admin', 'meeting:write:admin', 'user:read:admin'],
    };
    const sandbox = await makeSandbox({ credentials: [classic] });
    const token = await sandbox.token(classic);
    const created = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'Classic' }, token);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await sandbox.call('GET', `/v2/meetings/${id}`, undefined, token)).statusCode).toBe(200);
    expect((await sandbox.call('PATCH', `/v2/meetings/${id}`, { topic: 'y' }, token)).statusCode).toBe(204);
    const webinars = await sandbox.call('GET', '/v2/users/me/webinars', undefined, token);
    expect(webinars.json()).toEqual({
      code: 4711,
      message:
        'Invalid access token, does not contain scopes:[webinar:read:list_webinars:admin, webinar:read:admin].',
    });
  });

  it('keeps accounts apart: a token of one account cannot see another account’s users', async () => {
    const other = { accountId: 'acct-2', clientId: 'c2', clientSecret: 's2' };
    const sandbox = await makeSandbox({
      credentials: [{ accountId: 'acct-main', clientId: 'client-main', clientSecret: 'secret-main' }, other],
      users: [{ email: 'stranger@other.example', accountId: 'acct-2' }],
    });
    const res = await sandbox.call('GET', '/v2/users/stranger@other.example');
    expect(res.statusCode).toBe(404);
    const theirs = await sandbox.call('GET', '/v2/users/me', undefined, await sandbox.token(other));
    expect(theirs.json().email).toBe('stranger@other.example');
  });

  it('answers unknown API paths with a Zoom-style 404 body', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 404, message: 'Not Found' });
  });
});
