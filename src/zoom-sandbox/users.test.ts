import { describe, expect, it } from 'vitest';
import { makeSandbox, makeUser } from './test-helpers';
import { userSeedFileSchema } from './user-store';

describe('GET /v2/users/{userId}', () => {
  it('finds a user by id, by e-mail in any case, and `me` as the account owner', async () => {
    const host = makeUser({ email: 'Ada.Lovelace@Example.org', firstName: 'Ada', lastName: 'Lovelace' });
    const sandbox = await makeSandbox({ users: [host] });
    const byEmail = await sandbox.call('GET', '/v2/users/ada.lovelace@EXAMPLE.org');
    expect(byEmail.statusCode).toBe(200);
    const user = byEmail.json();
    expect(user).toMatchObject({
      email: 'Ada.Lovelace@Example.org',
      first_name: 'Ada',
      last_name: 'Lovelace',
      display_name: 'Ada Lovelace',
      type: 2,
      status: 'active',
      role_name: 'Member',
      account_id: 'acct-main',
      timezone: 'UTC',
    });
    expect((await sandbox.call('GET', `/v2/users/${user.id}`)).json().email).toBe(user.email);
    const me = (await sandbox.call('GET', '/v2/users/me')).json();
    expect(me).toMatchObject({ id: sandbox.owner.id, role_name: 'Owner', role_id: '0' });
    expect(byEmail.headers['x-ratelimit-category']).toBe('Light');
  });

  it('answers 404/1001 "User does not exist" for an unknown user', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/users/nobody@example.org');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 1001, message: 'User does not exist: nobody@example.org.' });
  });

  it('answers 400/1120 for a user whose invitation is still pending', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'invited@example.org', status: 'pending' })],
    });
    const res = await sandbox.call('GET', '/v2/users/invited@example.org');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 1120,
      message: 'A valid invitation to join the Zoom account was not found for this user.',
    });
  });

  it('reports Basic (1) and Licensed (2) user types', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'basic@example.org', type: 1 })] });
    expect((await sandbox.call('GET', '/v2/users/basic@example.org')).json().type).toBe(1);
  });

  it('checks whether an e-mail belongs to a user', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'known@example.org' })] });
    expect((await sandbox.call('GET', '/v2/users/email?email=KNOWN@example.org')).json()).toEqual({
      existed_email: true,
    });
    expect((await sandbox.call('GET', '/v2/users/email?email=x@example.org')).json()).toEqual({
      existed_email: false,
    });
  });
});

describe('GET /v2/users/{userId}/settings', () => {
  it('returns the host’s passcode requirement and webinar licence', async () => {
    const sandbox = await makeSandbox({
      users: [
        makeUser({
          email: 'strict@example.org',
          webinar: true,
          passwordRequirement: { length: 8, only_allow_numeric: true },
        }),
      ],
    });
    const res = await sandbox.call('GET', '/v2/users/strict@example.org/settings');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-ratelimit-category']).toBe('Medium');
    const settings = res.json();
    expect(settings.schedule_meeting.meeting_password_requirement).toEqual({
      length: 8,
      have_letter: false,
      have_number: false,
      have_special_character: false,
      only_allow_numeric: true,
      have_upper_and_lower_characters: false,
      consecutive_characters_length: 0,
      weak_enhance_detection: false,
    });
    expect(settings.schedule_meeting.require_password_for_scheduling_new_meetings).toBe(true);
    expect(settings.feature.webinar).toBe(true);
  });

  it('answers 1001 and 1120 like the user endpoint', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'p@example.org', status: 'pending' })] });
    expect((await sandbox.call('GET', '/v2/users/ghost@example.org/settings')).json().code).toBe(1001);
    expect((await sandbox.call('GET', '/v2/users/p@example.org/settings')).json().code).toBe(1120);
  });
});

describe('GET /v2/users', () => {
  it('pages active users with page_size and next_page_token', async () => {
    const users = Array.from({ length: 4 }, () => makeUser());
    const sandbox = await makeSandbox({ users });
    const first = await sandbox.call('GET', '/v2/users?page_size=3');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1).toMatchObject({ page_size: 3, total_records: 5, page_count: 2, page_number: 1 });
    expect(page1.users).toHaveLength(3);
    expect(page1.next_page_token).not.toBe('');
    const page2 = (
      await sandbox.call('GET', `/v2/users?page_size=3&next_page_token=${page1.next_page_token}`)
    ).json();
    expect(page2.users).toHaveLength(2);
    expect(page2.next_page_token).toBe('');
    const emails = [...page1.users, ...page2.users].map((u: { email: string }) => u.email);
    expect(new Set(emails).size).toBe(5);
  });

  it('caps page_size at 300 and defaults it to 30', async () => {
    const sandbox = await makeSandbox();
    expect((await sandbox.call('GET', '/v2/users?page_size=1000')).json().page_size).toBe(300);
    expect((await sandbox.call('GET', '/v2/users')).json().page_size).toBe(30);
  });

  it('lists pending users only when asked with status=pending', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'pending@example.org', status: 'pending' })],
    });
    const active = (await sandbox.call('GET', '/v2/users'))
      .json()
      .users.map((u: { email: string }) => u.email);
    expect(active).not.toContain('pending@example.org');
    const pending = (await sandbox.call('GET', '/v2/users?status=pending')).json();
    expect(pending.users).toHaveLength(1);
    expect(pending.users[0].status).toBe('pending');
  });

  it('refuses an unknown next_page_token', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/users?next_page_token=bogus');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });
  });
});

describe('user seeds', () => {
  it('reads a JSON users file as a list or as {"users": [...]}', () => {
    expect(userSeedFileSchema.parse([{ email: 'a@example.org' }])).toEqual([{ email: 'a@example.org' }]);
    expect(userSeedFileSchema.parse({ users: [{ email: 'b@example.org', type: 1 }] })).toEqual([
      { email: 'b@example.org', type: 1 },
    ]);
    expect(userSeedFileSchema.safeParse([{ email: 'not-an-email' }]).success).toBe(false);
  });

  it('adds users at run time through the state and through POST /_sandbox/users', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.addUser({ email: 'later@example.org' });
    const res = await sandbox.app.inject({
      method: 'POST',
      url: '/_sandbox/users',
      payload: [{ email: 'http@example.org', type: 1 }],
    });
    expect(res.statusCode).toBe(201);
    expect((await sandbox.call('GET', '/v2/users/later@example.org')).statusCode).toBe(200);
    expect((await sandbox.call('GET', '/v2/users/http@example.org')).json().type).toBe(1);
    const duplicate = await sandbox.app.inject({
      method: 'POST',
      url: '/_sandbox/users',
      payload: { email: 'HTTP@example.org' },
    });
    expect(duplicate.statusCode).toBe(409);
  });
});
