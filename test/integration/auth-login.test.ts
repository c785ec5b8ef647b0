import { describe, expect, it } from 'vitest';
import { Agent, fakeClock, useTestApp } from '../support/app';
import { agentFor, makeUser, TEST_PASSWORD } from '../support/factories';

const WRONG = 'E-mail or password is incorrect.';

describe('login and logout', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });

  it('logs in with the primary e-mail in any case, and logout ends the session', async () => {
    const user = await makeUser(t.deps.db, { email: 'grace@example.org', name: 'Grace Hopper' });
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/login', {
      email: ' GRACE@Example.org ',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: user.id, name: 'Grace Hopper', email: 'grace@example.org', isAdmin: false },
    });
    expect((await agent.get('/api/auth/session')).json().user.id).toBe(user.id);

    const out = await agent.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(agent.hasCookie('convene_session')).toBe(false);
    expect((await agent.get('/api/auth/session')).json().user).toBeNull();
  });

  it('ends the session on the server at logout, so the old cookie no longer works', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    const token = res.cookies.find((c) => c.name === 'convene_session')?.value ?? '';
    await agent.post('/api/auth/logout');
    const replay = new Agent(t.app);
    replay.setCookie('convene_session', token);
    expect((await replay.get('/api/auth/session')).json().user).toBeNull();
  });

  it('logs in with a secondary e-mail', async () => {
    const user = await makeUser(t.deps.db);
    const owner = await agentFor(t.app, t.deps.db, user, clock());
    expect((await owner.post('/api/me/emails', { email: 'second.address@example.net' })).statusCode).toBe(
      201,
    );
    const res = await new Agent(t.app).post('/api/auth/login', {
      email: 'Second.Address@example.net',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, email: user.email });
  });

  it('answers a wrong password and an unknown e-mail with the same 401 that does not say which was wrong', async () => {
    const user = await makeUser(t.deps.db);
    const wrongPassword = await new Agent(t.app).post('/api/auth/login', {
      email: user.email,
      password: 'nope nope nope',
    });
    const unknownEmail = await new Agent(t.app).post('/api/auth/login', {
      email: 'nobody@example.org',
      password: TEST_PASSWORD,
    });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: WRONG } });
      expect(res.cookies.find((c) => c.name === 'convene_session')).toBeUndefined();
    }
  });

  it('refuses a blocked user with the same 401, even with the right password', async () => {
    const user = await makeUser(t.deps.db, { isBlocked: true });
    const res = await new Agent(t.app).post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe(WRONG);
  });

  it('answers a missing password with a 422 naming the field', async () => {
    const res = await new Agent(t.app).post('/api/auth/login', { email: 'a@example.org' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'password', message: 'is required' }]);
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const agent = new Agent(t.app);
    await agent.get('/api/auth/session');
    const res = await agent.request('POST', '/api/auth/login', '{"email": "a@example.org",', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('login throttling (behind one trusted proxy: TRUST_PROXY=1)', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock, config: { trustProxy: 1 } });
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('answers 429 with Retry-After after 5 failures for one e-mail, from any address, until the window passes', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i++) {
      const res = await agent.post(
        '/api/auth/login',
        { email: user.email, password: 'wrong password' },
        from(`10.0.0.${i}`),
      );
      expect(res.statusCode).toBe(401);
      clock.advance(1000);
    }
    const blocked = await agent.post(
      '/api/auth/login',
      { email: user.email, password: TEST_PASSWORD },
      from('10.0.1.1'),
    );
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Too many failed login attempts.*wait 15 minutes/);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Another account is not affected.
    const other = await makeUser(t.deps.db);
    const fine = await new Agent(t.app).post(
      '/api/auth/login',
      { email: other.email, password: TEST_PASSWORD },
      from('10.0.1.1'),
    );
    expect(fine.statusCode).toBe(200);

    clock.advance(retryAfter * 1000);
    const later = await agent.post(
      '/api/auth/login',
      { email: user.email, password: TEST_PASSWORD },
      from('10.0.1.1'),
    );
    expect(later.statusCode).toBe(200);
  });

  it('forgets an e-mail’s failures after a successful login', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    const ip = from('10.0.2.1');
    for (let i = 0; i < 4; i++)
      await agent.post('/api/auth/login', { email: user.email, password: 'wrong password' }, ip);
    expect(
      (await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }, ip)).statusCode,
    ).toBe(200);
    for (let i = 0; i < 4; i++) {
      const res = await agent.post('/api/auth/login', { email: user.email, password: 'wrong password' }, ip);
      expect(res.statusCode).toBe(401);
    }
    expect(
      (await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }, ip)).statusCode,
    ).toBe(200);
  });

  it('answers 429 after 20 failures from one address, whatever the e-mails', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    const ip = from('192.0.2.77');
    for (let i = 0; i < 20; i++) {
      const res = await agent.post(
        '/api/auth/login',
        { email: `guess-${i}@example.org`, password: 'whatever!!' },
        ip,
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const elsewhere = await agent.post(
      '/api/auth/login',
      { email: user.email, password: TEST_PASSWORD },
      from('192.0.2.78'),
    );
    expect(elsewhere.statusCode).toBe(200);

    clock.advance(15 * 60 * 1000 + 1000);
    expect(
      (await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }, ip)).statusCode,
    ).toBe(200);
  });
});

describe('the session cookie behind HTTPS', () => {
  const t = useTestApp({ config: { secureCookies: true, baseUrl: 'https://events.example.org' } });

  it('is Secure, httpOnly and SameSite=Lax, and logout clears it', async () => {
    const user = await makeUser(t.deps.db);
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'convene_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.maxAge).toBe(30 * 24 * 3600);
    const out = await agent.post('/api/auth/logout');
    const cleared = out.cookies.find((c) => c.name === 'convene_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.secure).toBe(true);
  });
});
