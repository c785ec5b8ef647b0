import { describe, expect, it } from 'vitest';
import { Agent, buildTestApp, useTestApp } from '../support/app';

const admin = {
  name: 'Ada Lovelace',
  affiliation: 'Analytical Engines Ltd',
  email: 'Ada@Example.org',
  password: 'a long enough password',
};

describe('first-run setup', () => {
  const t = useTestApp();

  it('says a fresh server needs setup and that nobody is logged in', async () => {
    const res = await new Agent(t.app).get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, needsSetup: true });
  });

  it('refuses a setup whose password is shorter than 10 characters, naming the field', async () => {
    const res = await new Agent(t.app).post('/api/auth/setup', { ...admin, password: 'short' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
    ]);
  });

  it('creates the administrator once, logs them in, and answers 409 to any later setup', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/setup', admin);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org', isAdmin: true });
    expect(res.body).not.toMatch(/password|argon/i);
    const session = await agent.get('/api/auth/session');
    expect(session.json()).toMatchObject({
      user: { name: 'Ada Lovelace', isAdmin: true },
      needsSetup: false,
    });

    const anonymous = await new Agent(t.app).get('/api/auth/session');
    expect(anonymous.json()).toEqual({ user: null, needsSetup: false });
    const again = await new Agent(t.app).post('/api/auth/setup', { ...admin, email: 'other@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('sets an httpOnly, SameSite=Lax session cookie', async () => {
    const fresh = await buildTestApp();
    try {
      const res = await new Agent(fresh.app).post('/api/auth/setup', admin);
      const cookie = res.cookies.find((c) => c.name === 'convene_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
    } finally {
      await fresh.app.close();
      await fresh.database.drop();
    }
  });

  it('makes exactly one administrator when two setups race', async () => {
    const fresh = await buildTestApp();
    try {
      const [a, b] = await Promise.all([
        new Agent(fresh.app).post('/api/auth/setup', { ...admin, email: 'first@example.org' }),
        new Agent(fresh.app).post('/api/auth/setup', { ...admin, email: 'second@example.org' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const users = await fresh.deps.pool.query('SELECT count(*)::int AS n FROM users');
      expect(users.rows[0].n).toBe(1);
    } finally {
      await fresh.app.close();
      await fresh.database.drop();
    }
  });
});
