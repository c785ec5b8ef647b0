// The user search, unknown URLs and the account routes that send mail are rate limited per client address,
// with the API's 429 shape.
import { sql } from 'drizzle-orm';
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

  it('stops one client from flooding an address with password-reset mails', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    for (let i = 0; i < RATE_LIMITS.accountMail.max; i++)
      expect((await agent.post('/api/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    const res = await agent.post('/api/auth/password-reset', { email: user.email });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_REQUESTS');
    const sent = await t.deps.db.execute(
      sql`SELECT count(*)::int AS n FROM mail_outbox WHERE ${user.email} = ANY("to")`,
    );
    expect(sent.rows[0]?.n).toBeLessThanOrEqual(RATE_LIMITS.accountMail.max);
  });

  it('answers 429 to a client sending sign-up forms in a loop', async () => {
    const agent = new Agent(t.app);
    let status = 0;
    for (let i = 0; i <= RATE_LIMITS.accountMail.max; i++)
      status = (
        await agent.post('/api/auth/signup', {
          email: `flood${i}@example.org`,
          name: 'Flood',
          password: 'a long enough password',
        })
      ).statusCode;
    expect(status).toBe(429);
  });
});
