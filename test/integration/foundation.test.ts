import { describe, expect, it } from 'vitest';
import { Agent, useTestApp } from '../support/app';

describe('the HTTP foundation', () => {
  const t = useTestApp();

  it('answers /healthz and /readyz when the database is reachable', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers an unknown API route with a JSON 404 in the common error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/no-such-thing.' } });
  });

  it('refuses a state-changing API request without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/CSRF/);
  });

  it('hands every API client a readable CSRF cookie', async () => {
    const agent = new Agent(t.app);
    await agent.get('/api/no-such-thing');
    expect(agent.hasCookie('convene_csrf')).toBe(true);
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });
});
