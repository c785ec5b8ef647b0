// The login throttle holds under concurrent guesses and against a client choosing its own address; logging
// in again ends the browser's previous session.
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from '../../src/server/auth/throttle';
import { Agent, fakeClock, useTestApp } from '../support/app';
import { makeUser, TEST_PASSWORD } from '../support/factories';

describe('the login throttle under attack', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  // Every request comes from app.inject's one address: each test starts after the window of the last.
  beforeEach(() => clock.advance(16 * 60 * 1000));

  it('evaluates no more than 5 of 40 concurrent wrong guesses at one account', async () => {
    const user = await makeUser(t.deps.db);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new Agent(t.app).post(
          '/api/auth/login',
          { email: user.email, password: `wrong guess ${i}` },
          { 'x-forwarded-for': `10.9.${i}.1` },
        ),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(codes.filter((c) => c === 429)).toHaveLength(40 - MAX_FAILURES_PER_EMAIL);
    // Even the right password waits for the window now.
    const right = await new Agent(t.app).post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(right.statusCode).toBe(429);
  });

  it('throttles one address rotating X-Forwarded-For, since no proxy is trusted by default', async () => {
    const agent = new Agent(t.app);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const res = await agent.post(
        '/api/auth/login',
        { email: `nobody-${i}@example.org`, password: 'whatever!!' },
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
      expect(res.statusCode).toBe(401);
    }
    const next = await agent.post(
      '/api/auth/login',
      { email: 'someone-else@example.org', password: 'whatever!!' },
      { 'x-forwarded-for': '203.0.113.9' },
    );
    expect(next.statusCode).toBe(429);
  });

  it('ends the previous session of the browser when it logs in again', async () => {
    const ada = await makeUser(t.deps.db);
    const grace = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    const first = await agent.post('/api/auth/login', { email: ada.email, password: TEST_PASSWORD });
    const oldToken = first.cookies.find((c) => c.name === 'convene_session')?.value ?? '';
    const second = await agent.post('/api/auth/login', { email: grace.email, password: TEST_PASSWORD });
    expect(second.statusCode).toBe(200);
    expect((await agent.get('/api/auth/session')).json().user.id).toBe(grace.id);
    const replay = new Agent(t.app);
    replay.setCookie('convene_session', oldToken);
    expect((await replay.get('/api/auth/session')).json().user).toBeNull();
  });
});
