// The user search and unknown URLs are rate limited per client address, with the API's 429 shape.
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../src/server/http/rate-limits';
import { Agent, useTestApp } from '../support/app';
import { agentFor, makeUser } from '../support/factories';

describe('rate limits', () => {
  const t = useTestApp();

  it('answers 429 with Retry-After once the user search is called too often', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    for (let i = 0; i < RATE_LIMITS.userSearch.max; i++)
      expect((await agent.get(`/api/users/search?q=name${i}`)).statusCode).toBe(200);
    const res = await agent.get('/api/users/search?q=one-more');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 429 to a client probing unknown URLs', async () => {
    const agent = new Agent(t.app);
    for (let i = 0; i < RATE_LIMITS.notFound.max; i++)
      expect((await agent.get(`/api/no-such-route-${i}`)).statusCode).toBe(404);
    expect((await agent.get('/api/no-such-route-again')).statusCode).toBe(429);
  });

  it('does not count the pages of the web client, which every navigation and reload asks for', async () => {
    const agent = new Agent(t.app);
    for (let i = 0; i <= RATE_LIMITS.notFound.max; i++)
      expect((await agent.get(`/event/${i}/manage`)).statusCode).not.toBe(429);
  });
});
