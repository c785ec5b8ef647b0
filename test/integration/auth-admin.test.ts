import { describe, expect, it } from 'vitest';
import { Agent, useTestApp } from '../support/app';
import { agentFor, makeUser, TEST_PASSWORD } from '../support/factories';

describe('user administration', () => {
  const t = useTestApp();
  const newUser = {
    name: 'Alan Turing',
    affiliation: 'NPL',
    email: 'alan@example.org',
    password: 'enigma machine 1',
  };

  it('is closed to anonymous visitors (401) and to users who are not admins (403)', async () => {
    const anonymous = new Agent(t.app);
    const user = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    for (const [agent, status] of [
      [anonymous, 401],
      [user, 403],
    ] as const) {
      expect((await agent.get('/api/admin/users')).statusCode).toBe(status);
      expect((await agent.post('/api/admin/users', newUser)).statusCode).toBe(status);
      expect((await agent.patch('/api/admin/users/1', { isAdmin: true })).statusCode).toBe(status);
    }
  });

  it('creates a user who can then log in, and refuses a duplicate e-mail with 409', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const res = await admin.post('/api/admin/users', newUser);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Alan Turing',
      email: 'alan@example.org',
      isAdmin: false,
      isBlocked: false,
    });
    expect(res.body).not.toMatch(/enigma|hash/i);
    const login = await new Agent(t.app).post('/api/auth/login', {
      email: 'alan@example.org',
      password: 'enigma machine 1',
    });
    expect(login.statusCode).toBe(200);

    const again = await admin.post('/api/admin/users', { ...newUser, email: 'ALAN@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('email');
  });

  it('names the invalid fields of a new user', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const res = await admin.post('/api/admin/users', { name: '', email: 'x', password: 'short' });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['email', 'name', 'password']);
  });

  it('searches users by name or any e-mail, a page at a time, with their flags', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const zed = await makeUser(t.deps.db, { name: 'Zed Zebrafish', isBlocked: true });
    const owner = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { name: 'Yolanda Quux' }));
    await owner.post('/api/me/emails', { email: 'zebra.lover@example.net' });

    const res = await admin.get('/api/admin/users?q=ZEBRA');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.users.map((u: { name: string }) => u.name)).toEqual(['Yolanda Quux', 'Zed Zebrafish']);
    expect(page.users[1]).toMatchObject({ id: zed.id, isBlocked: true, isAdmin: false });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });

    const all = (await admin.get('/api/admin/users')).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    const empty = (await admin.get('/api/admin/users?page=99')).json();
    expect(empty.users).toEqual([]);
    expect((await admin.get('/api/admin/users?page=0')).json().error.fields[0].field).toBe('query.page');
  });

  it('grants and revokes admin rights', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const user = await makeUser(t.deps.db);
    const granted = await admin.patch(`/api/admin/users/${user.id}`, { isAdmin: true });
    expect(granted.json()).toMatchObject({ id: user.id, isAdmin: true });
    const asUser = await agentFor(t.app, t.deps.db, user);
    expect((await asUser.get('/api/admin/users')).statusCode).toBe(200);
    await admin.patch(`/api/admin/users/${user.id}`, { isAdmin: false });
    expect((await asUser.get('/api/admin/users')).statusCode).toBe(403);
    expect((await admin.patch('/api/admin/users/999999', { isAdmin: true })).statusCode).toBe(404);
  });

  it('blocks a user, which ends their sessions and stops their logins, and unblocks them', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const user = await makeUser(t.deps.db);
    const asUser = await agentFor(t.app, t.deps.db, user);
    const blocked = await admin.patch(`/api/admin/users/${user.id}`, { isBlocked: true });
    expect(blocked.json()).toMatchObject({ isBlocked: true });
    expect((await asUser.get('/api/me')).statusCode).toBe(401);
    const { rows } = await t.deps.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
      user.id,
    ]);
    expect(rows[0].n).toBe(0);
    const login = () =>
      new Agent(t.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await login()).statusCode).toBe(401);
    await admin.patch(`/api/admin/users/${user.id}`, { isBlocked: false });
    expect((await login()).statusCode).toBe(200);
  });

  it('does not let an admin revoke their own rights or block themselves', async () => {
    const me = await makeUser(t.deps.db, { isAdmin: true });
    const admin = await agentFor(t.app, t.deps.db, me);
    const demote = await admin.patch(`/api/admin/users/${me.id}`, { isAdmin: false });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error.fields).toEqual([
      { field: 'isAdmin', message: 'You cannot revoke your own administrator rights.' },
    ]);
    const block = await admin.patch(`/api/admin/users/${me.id}`, { isBlocked: true });
    expect(block.statusCode).toBe(422);
    expect(block.json().error.fields[0].field).toBe('isBlocked');
    expect((await admin.get('/api/admin/users')).statusCode).toBe(200);
  });

  it('names a field of the wrong type', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const user = await makeUser(t.deps.db);
    const res = await admin.patch(`/api/admin/users/${user.id}`, { isAdmin: 'yes' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'isAdmin', message: 'must be true or false' }]);
  });
});

describe('the user picker', () => {
  const t = useTestApp();

  it('needs a logged-in user', async () => {
    const res = await new Agent(t.app).get('/api/users/search?q=ab');
    expect(res.statusCode).toBe(401);
  });

  it('finds people by name without showing anyone’s e-mail, and leaves blocked users out', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const rosalind = await makeUser(t.deps.db, { name: 'Rosalind Franklin', affiliation: 'King’s College' });
    await makeUser(t.deps.db, { name: 'Rosalind Blocked', isBlocked: true });
    const byName = await agent.get('/api/users/search?q=ROSAL');
    expect(byName.json().users).toEqual([
      { id: rosalind.id, name: 'Rosalind Franklin', affiliation: 'King’s College' },
    ]);
    expect(byName.body).not.toContain(rosalind.email);
    const bySurname = (await agent.get('/api/users/search?q=frank')).json();
    expect(bySurname.users.map((u: { id: number }) => u.id)).toEqual([rosalind.id]);
  });

  it('finds a person by a whole e-mail address, but not by its start, for anyone but administrators', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const other = await makeUser(t.deps.db, { name: 'Someone Else', email: 'someone@example.org' });
    await (await agentFor(t.app, t.deps.db, other)).post('/api/me/emails', { email: 'photo51@lab.example' });
    expect((await agent.get('/api/users/search?q=Photo51')).json().users).toEqual([]);
    expect((await agent.get('/api/users/search?q=Photo51@LAB.example')).json().users).toEqual([
      { id: other.id, name: 'Someone Else', affiliation: '' },
    ]);
  });

  it('finds people by the start of any e-mail for administrators, with their primary e-mail', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const other = await makeUser(t.deps.db, { name: 'Third Person', email: 'third@example.org' });
    await (await agentFor(t.app, t.deps.db, other)).post('/api/me/emails', { email: 'tp-lab@lab.example' });
    expect((await admin.get('/api/users/search?q=TP-lab')).json().users).toEqual([
      { id: other.id, name: 'Third Person', email: 'third@example.org', affiliation: '' },
    ]);
  });

  it('treats LIKE wildcards as plain characters and returns at most 20 people', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    expect((await agent.get('/api/users/search?q=%25%25')).json().users).toEqual([]);
    for (let i = 0; i < 22; i++) await makeUser(t.deps.db, { name: `Many Namesake ${i}` });
    expect((await agent.get('/api/users/search?q=namesake')).json().users).toHaveLength(20);
  });

  it('wants at least 2 characters, naming the field', async () => {
    const agent = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db));
    const res = await agent.get('/api/users/search?q=a');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'query.q', message: 'must be at least 2 characters' }]);
  });
});

describe('input that PostgreSQL would refuse', () => {
  const t = useTestApp();

  it('answers NUL characters, ids beyond integer range and absurd pages with a 422, never a 500', async () => {
    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const requests: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown, string]> = [
      ['GET', '/api/admin/users?page=100000000000000000000', undefined, 'query.page'],
      ['GET', '/api/admin/users?q=%00ab', undefined, 'query.q'],
      ['GET', '/api/users/search?q=%00ab', undefined, 'query.q'],
      ['DELETE', '/api/me/emails/99999999999', undefined, 'params.id'],
      ['PATCH', '/api/admin/users/99999999999', { isAdmin: true }, 'params.id'],
      ['PATCH', '/api/me', { name: 'a\u0000b' }, 'name'],
      ['POST', '/api/auth/login', { email: 'a\u0000b@example.org', password: 'whatever!!' }, 'email'],
    ];
    for (const [method, url, body, field] of requests) {
      const res = await admin.request(method, url, body);
      expect({ url, status: res.statusCode, field: res.json().error.fields?.[0]?.field }).toEqual({
        url,
        status: 422,
        field,
      });
    }
  });
});
