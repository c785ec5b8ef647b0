import { describe, expect, it } from 'vitest';
import { Agent, useTestApp } from '../support/app';
import { agentFor, makeUser, TEST_PASSWORD } from '../support/factories';

describe('the profile', () => {
  const t = useTestApp();

  it('asks an anonymous visitor to log in', async () => {
    const res = await new Agent(t.app).get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('shows and changes my name and affiliation, without any password hash', async () => {
    const user = await makeUser(t.deps.db, { name: 'Old Name', affiliation: 'Old Lab' });
    const agent = await agentFor(t.app, t.deps.db, user);
    const me = await agent.get('/api/me');
    expect(me.json()).toEqual({
      id: user.id,
      name: 'Old Name',
      affiliation: 'Old Lab',
      isAdmin: false,
      emails: [{ id: expect.any(Number), email: user.email, isPrimary: true }],
    });
    expect(me.body).not.toMatch(/hash|argon/i);
    const res = await agent.patch('/api/me', { name: '  Marie Curie ', affiliation: 'Sorbonne' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Marie Curie', affiliation: 'Sorbonne' });
    expect((await agent.get('/api/auth/session')).json().user.name).toBe('Marie Curie');
  });

  it('refuses an empty name with a 422 naming the field', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const res = await agent.patch('/api/me', { name: '   ' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it('adds a secondary e-mail, makes it primary, and removes the old one', async () => {
    const user = await makeUser(t.deps.db);
    const agent = await agentFor(t.app, t.deps.db, user);
    const added = await agent.post('/api/me/emails', { email: 'New.Address@Example.com' });
    expect(added.statusCode).toBe(201);
    const second = added.json().emails.find((e: { email: string }) => e.email === 'new.address@example.com');
    expect(second).toMatchObject({ isPrimary: false });

    const primary = await agent.post(`/api/me/emails/${second.id}/primary`);
    expect(primary.statusCode).toBe(200);
    expect(primary.json().emails[0]).toMatchObject({ id: second.id, isPrimary: true });
    expect((await agent.get('/api/auth/session')).json().user.email).toBe('new.address@example.com');

    const old = primary.json().emails.find((e: { email: string }) => e.email === user.email);
    const removed = await agent.delete(`/api/me/emails/${old.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().emails).toEqual([
      { id: second.id, email: 'new.address@example.com', isPrimary: true },
    ]);
  });

  it('refuses to remove the primary e-mail', async () => {
    const user = await makeUser(t.deps.db);
    const agent = await agentFor(t.app, t.deps.db, user);
    const [primary] = (await agent.get('/api/me')).json().emails;
    const res = await agent.delete(`/api/me/emails/${primary.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/primary/);
  });

  it('answers 409 on `email` for an e-mail used by any account, in any case', async () => {
    const other = await makeUser(t.deps.db, { email: 'taken@example.org' });
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const res = await agent.post('/api/me/emails', { email: 'TAKEN@example.org' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual([
      { field: 'email', message: expect.stringMatching(/already used/) },
    ]);
    const mine = await agentFor(t.app, t.deps.db, other);
    expect((await mine.post('/api/me/emails', { email: 'taken@example.org' })).statusCode).toBe(409);
  });

  it('refuses an invalid e-mail with a 422 naming the field', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const res = await agent.post('/api/me/emails', { email: 'not-an-address' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('email');
  });

  it('treats another user’s e-mail as missing', async () => {
    const other = await makeUser(t.deps.db);
    const [theirs] = (await (await agentFor(t.app, t.deps.db, other)).get('/api/me')).json().emails;
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    expect((await agent.delete(`/api/me/emails/${theirs.id}`)).statusCode).toBe(404);
    expect((await agent.post(`/api/me/emails/${theirs.id}/primary`)).statusCode).toBe(404);
    expect((await agent.delete('/api/me/emails/abc')).statusCode).toBe(422);
  });

  it('changes the password only with the right current one, and ends the user’s other sessions', async () => {
    const user = await makeUser(t.deps.db);
    const here = await agentFor(t.app, t.deps.db, user);
    const elsewhere = await agentFor(t.app, t.deps.db, user);

    const wrong = await here.post('/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new long password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual([
      { field: 'currentPassword', message: 'is not your current password' },
    ]);

    const short = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields[0].field).toBe('newPassword');

    const ok = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new long password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);

    const login = (password: string) =>
      new Agent(t.app).post('/api/auth/login', { email: user.email, password });
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('a new long password')).statusCode).toBe(200);
  });
});

describe('CSRF protection', () => {
  const t = useTestApp();

  it('refuses every state-changing accounts route without the CSRF header', async () => {
    const admin = await makeUser(t.deps.db, { isAdmin: true });
    const agent = await agentFor(t.app, t.deps.db, admin);
    await agent.get('/api/auth/session'); // has the CSRF cookie, but will not echo it below
    const routes: Array<['POST' | 'PATCH' | 'DELETE', string]> = [
      ['POST', '/api/auth/setup'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/logout'],
      ['PATCH', '/api/me'],
      ['POST', '/api/me/emails'],
      ['DELETE', '/api/me/emails/1'],
      ['POST', '/api/me/emails/1/primary'],
      ['POST', '/api/me/password'],
      ['POST', '/api/admin/users'],
      ['PATCH', '/api/admin/users/1'],
    ];
    for (const [method, url] of routes) {
      const res = await agent.request(method, url, {}, { 'x-csrf-token': '' });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
      expect(res.json().error.details).toEqual({ reason: 'csrf' });
    }
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });
});
