import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSandboxState, zoomSandboxPlugin } from './index';
import { basicAuth, CREDENTIALS, makeUser } from './test-helpers';

const PUBLIC_URL = 'http://localhost:8080/zoom-sandbox';

async function mainAppWithSandbox() {
  const state = createSandboxState({
    publicUrl: PUBLIC_URL,
    credentials: CREDENTIALS,
    users: [makeUser({ email: 'owner@example.org' })],
  });
  const app = Fastify();
  app.post('/api/echo', async (request) => ({ got: request.body }));
  await app.register(zoomSandboxPlugin, { prefix: '/zoom-sandbox', state });
  return { app, state };
}

describe('zoomSandboxPlugin in the main app', () => {
  it('serves every route under the prefix and hands out api_url = publicUrl', async () => {
    const { app } = await mainAppWithSandbox();
    const token = await app.inject({
      method: 'POST',
      url: '/zoom-sandbox/oauth/token',
      headers: { authorization: basicAuth(CREDENTIALS), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
    });
    expect(token.statusCode).toBe(200);
    const { access_token, api_url } = token.json();
    expect(api_url).toBe(PUBLIC_URL);
    const path = new URL(`${api_url}/v2/users/me/meetings`).pathname;
    const created = await app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ topic: 'Via the main app', password: 'abc' }),
    });
    expect(created.statusCode).toBe(201);
    const joinUrl: string = created.json().join_url;
    expect(joinUrl.startsWith(`${PUBLIC_URL}/j/`)).toBe(true);
    const page = await app.inject({
      method: 'GET',
      url: new URL(joinUrl).pathname + new URL(joinUrl).search,
    });
    expect(page.statusCode).toBe(200);
  });

  it('logs paths relative to the prefix', async () => {
    const { app, state } = await mainAppWithSandbox();
    await app.inject({ method: 'GET', url: '/zoom-sandbox/v2/users/me?x=1' });
    expect(state.requests.entries).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v2/users/me',
        route: '/v2/users/:userId',
        status: 401,
      }),
    ]);
  });

  it('keeps its body parsers and error format to itself', async () => {
    const { app } = await mainAppWithSandbox();
    const echo = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(echo.json()).toEqual({ got: { a: 1 } });
    const outside = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).not.toHaveProperty('code', 404);
    const inside = await app.inject({ method: 'GET', url: '/zoom-sandbox/v2/nowhere' });
    expect(inside.json()).toEqual({ code: 404, message: 'Not Found' });
  });

  it('does not serve test controls unless asked to', async () => {
    const { app } = await mainAppWithSandbox();
    expect((await app.inject({ method: 'GET', url: '/zoom-sandbox/_sandbox/state' })).statusCode).toBe(404);
  });
});
