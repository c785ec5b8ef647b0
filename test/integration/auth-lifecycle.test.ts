import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, userIdentities } from '../../src/server/auth/identity-schema';
import { userEmails, users } from '../../src/server/auth/schema';
import { Agent, fakeClock, runJobs, useTestApp } from '../support/app';
import { agentFor, makeUser, TEST_PASSWORD } from '../support/factories';
import { linkIn, startSmtp, type TestSmtp } from '../support/smtp';

const BASE_URL = 'http://convene.test';
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

describe('accounts without an identity provider', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock, config: { baseUrl: BASE_URL, smtpUrl: 'smtp://127.0.0.1:1' } });

  /** Delivers the queued e-mails through SMTP and returns the last one sent to `to`. */
  async function mailTo(to: string) {
    Object.assign(t.deps.config, { smtpUrl: smtp.url });
    await runJobs(t);
    const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1);
    if (!mail) throw new Error(`no e-mail reached ${to}`);
    return mail;
  }
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to)).length;

  async function admin() {
    const a = await makeUser(t.deps.db, { isAdmin: true });
    return agentFor(t.app, t.deps.db, a, clock());
  }

  async function enableSignup(domains: string[] = []) {
    const res = await (await admin()).put('/api/admin/auth-settings', {
      localPasswords: true,
      signupEnabled: true,
      signupDomains: domains,
    });
    expect(res.statusCode).toBe(200);
  }

  it('refuses sign-up until an administrator turns it on', async () => {
    const res = await new Agent(t.app).post('/api/auth/signup', {
      name: 'Lin',
      email: 'lin@example.org',
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/auth/options')).json()).toMatchObject({ signup: false });
  });

  it('creates the account only when the link mailed to the address is followed, once', async () => {
    await enableSignup(['example.org']);
    const outside = await new Agent(t.app).post('/api/auth/signup', {
      name: 'Eve',
      email: 'eve@elsewhere.test',
      password: 'a long enough password',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.fields).toEqual([
      { field: 'email', message: 'must be an address in example.org' },
    ]);

    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/signup', {
      name: 'Lin Cheng',
      email: 'Lin@Example.org',
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(202);
    const [before] = await t.deps.db.select().from(userEmails).where(eq(userEmails.email, 'lin@example.org'));
    expect(before).toBeUndefined();

    const mail = await mailTo('lin@example.org');
    expect(mail.subject).toBe('Confirm your Convene account');
    const link = linkIn(mail, `${BASE_URL}/signup/confirm?token=`);
    const token = link.searchParams.get('token') ?? '';
    const [stored] = await t.deps.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.email, 'lin@example.org'));
    expect(stored?.id).not.toBe(token); // kept hashed

    const confirmed = await agent.post('/api/auth/signup/confirm', { token });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().user).toMatchObject({
      name: 'Lin Cheng',
      email: 'lin@example.org',
      isAdmin: false,
    });
    const again = await new Agent(t.app).post('/api/auth/signup/confirm', { token });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.fields[0].field).toBe('token');

    const login = await new Agent(t.app).post('/api/auth/login', {
      email: 'lin@example.org',
      password: 'a long enough password',
    });
    expect(login.statusCode).toBe(200);
  });

  it('answers a sign-up for a used address as any other, and mails a note instead of a link', async () => {
    await enableSignup();
    const taken = await makeUser(t.deps.db);
    const res = await new Agent(t.app).post('/api/auth/signup', {
      name: 'Someone',
      email: taken.email,
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(202);
    const fresh = await new Agent(t.app).post('/api/auth/signup', {
      name: 'Someone',
      email: 'nobody-yet@example.org',
      password: 'a long enough password',
    });
    expect(fresh.json()).toEqual(res.json());
    const mail = await mailTo(taken.email);
    expect(mail.subject).toBe('You already have a Convene account');
    expect(mail.text).not.toContain('token=');
  });

  it('resets a password through the mailed link, ends the other sessions, and spends the link', async () => {
    const user = await makeUser(t.deps.db);
    const other = await agentFor(t.app, t.deps.db, user, clock());
    const unknown = await new Agent(t.app).post('/api/auth/password-reset', { email: 'nobody@example.org' });
    const known = await new Agent(t.app).post('/api/auth/password-reset', {
      email: user.email.toUpperCase(),
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    const mail = await mailTo(user.email);
    expect(mailsTo('nobody@example.org')).toBe(0);
    const token = linkIn(mail, `${BASE_URL}/password-reset/confirm?token=`).searchParams.get('token') ?? '';
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/password-reset/confirm', {
      token,
      password: 'my brand new password',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(user.id);
    expect((await other.get('/api/auth/session')).json().user).toBeNull();
    const oldPassword = await new Agent(t.app).post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await new Agent(t.app).post('/api/auth/login', {
      email: user.email,
      password: 'my brand new password',
    });
    expect(newPassword.statusCode).toBe(200);

    const replay = await new Agent(t.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'an attacker password',
    });
    expect(replay.statusCode).toBe(422);
  });

  it('refuses a reset link after an hour', async () => {
    const user = await makeUser(t.deps.db);
    await new Agent(t.app).post('/api/auth/password-reset', { email: user.email });
    const mail = await mailTo(user.email);
    const token = linkIn(mail, `${BASE_URL}/password-reset/confirm?token=`).searchParams.get('token') ?? '';
    clock.advance(61 * 60 * 1000);
    const res = await new Agent(t.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'my brand new password',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'token', message: 'This link has expired or was already used: ask for a new one.' },
    ]);
  });

  it('lets an administrator invite someone, who creates their account through the mailed link', async () => {
    const someone = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db), clock());
    expect((await someone.post('/api/admin/invitations', { email: 'mae@example.org' })).statusCode).toBe(403);
    const res = await (await admin()).post('/api/admin/invitations', {
      email: 'mae@example.org',
      isAdmin: true,
    });
    expect(res.statusCode).toBe(201);
    const mail = await mailTo('mae@example.org');
    const token = linkIn(mail, `${BASE_URL}/invitation?token=`).searchParams.get('token') ?? '';
    const accepted = await new Agent(t.app).post('/api/auth/invitations/accept', {
      token,
      name: 'Mae Jemison',
      password: 'endeavour mission',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({
      name: 'Mae Jemison',
      email: 'mae@example.org',
      isAdmin: true,
    });
    const taken = await (await admin()).post('/api/admin/invitations', { email: 'mae@example.org' });
    expect(taken.statusCode).toBe(409);
  });

  it('shows administrators the identities linked to a user and lets them remove one', async () => {
    const user = await makeUser(t.deps.db);
    const [identity] = await t.deps.db
      .insert(userIdentities)
      .values({
        userId: user.id,
        provider: 'cern',
        issuer: 'https://idp.test',
        subject: 's-1',
        username: 'jdoe',
      })
      .returning();
    const someone = await agentFor(t.app, t.deps.db, user, clock());
    expect((await someone.get(`/api/admin/users/${user.id}/identities`)).statusCode).toBe(403);
    const a = await admin();
    const list = await a.get(`/api/admin/users/${user.id}/identities`);
    expect(list.json().identities).toMatchObject([
      { provider: 'cern', providerName: 'cern', username: 'jdoe' },
    ]);
    expect((await a.delete(`/api/admin/users/${user.id + 1000}/identities/${identity?.id}`)).statusCode).toBe(
      404,
    );
    expect((await a.delete(`/api/admin/users/${user.id}/identities/${identity?.id}`)).statusCode).toBe(204);
    expect((await a.get(`/api/admin/users/${user.id}/identities`)).json().identities).toEqual([]);
  });

  it('keeps passwords on while no identity provider is configured', async () => {
    const res = await (await admin()).put('/api/admin/auth-settings', {
      localPasswords: false,
      signupEnabled: false,
      signupDomains: [],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('localPasswords');
    const [row] = await t.deps.db.select({ n: users.id }).from(users).limit(1);
    expect(row).toBeDefined();
  });
});
