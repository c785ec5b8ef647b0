import { describe, expect, it } from 'vitest';
import { createMeeting, type MeetingJson, makeSandbox, makeUser } from './test-helpers';

const invalid = (field: string) => ({
  code: 300,
  message: 'Validation Failed.',
  errors: [{ field, message: 'Invalid field.' }],
});

describe('request validation', () => {
  it('answers 300 "Request Body should be a valid JSON object." to malformed or non-object JSON', async () => {
    const sandbox = await makeSandbox();
    for (const body of ['{"topic": ', '[1,2]', '"text"', '']) {
      const res = await sandbox.call('POST', '/v2/users/me/meetings', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 300, message: 'Request Body should be a valid JSON object.' });
    }
  });

  it('answers the same to a value of the wrong JSON type', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('POST', '/v2/users/me/meetings', { settings: { host_video: 'maybe' } });
    expect(res.json()).toEqual({ code: 300, message: 'Request Body should be a valid JSON object.' });
  });

  it('accepts numbers and booleans sent as strings, as Zoom does', async () => {
    const m = await createMeeting(await makeSandbox(), {
      type: '2',
      duration: '30',
      settings: { use_pmi: 'false', host_video: 'true' },
    });
    expect(m).toMatchObject({ type: 2, duration: 30 });
    expect(m.settings).toMatchObject({ use_pmi: false, host_video: true });
  });

  it('limits topic to 200 and agenda to 2000 characters', async () => {
    const sandbox = await makeSandbox();
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'x'.repeat(201) })).json()).toEqual(
      invalid('topic'),
    );
    expect(
      (await sandbox.call('POST', '/v2/users/me/meetings', { agenda: 'x'.repeat(2001) })).json(),
    ).toEqual(invalid('agenda'));
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'x'.repeat(200) })).statusCode).toBe(
      201,
    );
  });

  it('lists every invalid field in one answer', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('POST', '/v2/users/me/meetings', {
      topic: 'x'.repeat(201),
      type: 5,
      settings: { auto_recording: 'sometimes', jbh_time: 7 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'topic',
      'type',
      'settings.auto_recording',
      'settings.jbh_time',
    ]);
  });

  it('refuses an unknown time zone and a start_time in neither of Zoom’s formats', async () => {
    const sandbox = await makeSandbox();
    expect(
      (await sandbox.call('POST', '/v2/users/me/meetings', { timezone: 'Mars/Olympus' })).json(),
    ).toEqual(invalid('timezone'));
    for (const start_time of [
      'tomorrow',
      '2026-03-10 10:00',
      '2026-02-30T10:00:00Z',
      '2026-03-10T10:00:00+01:00',
    ]) {
      expect((await sandbox.call('POST', '/v2/users/me/meetings', { start_time })).json()).toEqual(
        invalid('start_time'),
      );
    }
  });

  it('checks recurrence fields and requires a recurrence for type 8', async () => {
    const sandbox = await makeSandbox();
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { type: 8 })).json()).toEqual(
      invalid('recurrence.type'),
    );
    const res = await sandbox.call('POST', '/v2/users/me/meetings', {
      type: 8,
      recurrence: { type: 2, weekly_days: '1,9', repeat_interval: 13 },
    });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'recurrence.repeat_interval',
      'recurrence.weekly_days',
    ]);
  });

  it('ignores settings Zoom does not know', async () => {
    const m = await createMeeting(await makeSandbox(), { settings: { frobnicate: true } });
    expect(m.settings.frobnicate).toBeUndefined();
  });
});

describe('passcodes', () => {
  it('accepts at most 10 letters, digits and @ - _ *', async () => {
    const sandbox = await makeSandbox();
    expect((await createMeeting(sandbox, { password: 'aZ9@-_*' })).password).toBe('aZ9@-_*');
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { password: '12345678901' })).json()).toEqual(
      invalid('password'),
    );
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { password: 'pass word' })).json()).toEqual(
      invalid('password'),
    );
    expect((await sandbox.call('POST', '/v2/users/me/meetings', { password: 'pa#ss' })).json()).toEqual(
      invalid('password'),
    );
  });

  it('enforces the host’s passcode requirement on create and update', async () => {
    const sandbox = await makeSandbox({
      users: [
        makeUser({
          email: 'numeric@example.org',
          passwordRequirement: { length: 8, only_allow_numeric: true },
        }),
      ],
    });
    const short = await sandbox.call('POST', '/v2/users/numeric@example.org/meetings', { password: '1234' });
    expect(short.json()).toEqual(invalid('password'));
    const letters = await sandbox.call('POST', '/v2/users/numeric@example.org/meetings', {
      password: 'abcdefgh',
    });
    expect(letters.json()).toEqual(invalid('password'));
    const m = await createMeeting(sandbox, { password: '20260302' }, 'numeric@example.org');
    expect((await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { password: '123' })).json()).toEqual(
      invalid('password'),
    );
  });

  it('generates a passcode that meets the requirement when the host must have one and none is sent', async () => {
    const sandbox = await makeSandbox({
      users: [
        makeUser({
          email: 'digits@example.org',
          passwordRequirement: { length: 9, only_allow_numeric: true },
        }),
      ],
    });
    const m = await createMeeting(sandbox, {}, 'digits@example.org');
    expect(m.password).toMatch(/^\d{9}$/);
    expect(m.join_url).toContain('?pwd=');
  });

  it('leaves the meeting without passcode when the host does not require one', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'open@example.org', requirePasscode: false })],
    });
    const m = await createMeeting(sandbox, {}, 'open@example.org');
    expect(m.password).toBe('');
    expect(m.join_url).not.toContain('pwd=');
    const withDefault = await createMeeting(sandbox, { default_password: true }, 'open@example.org');
    expect(withDefault.password).not.toBe('');
  });
});

describe('alternative hosts', () => {
  it('accepts account users separated by semicolons or commas and echoes them with semicolons', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'alt1@example.org' }), makeUser({ email: 'alt2@example.org' })],
    });
    const m = await createMeeting(sandbox, {
      settings: { alternative_hosts: 'ALT1@example.org, alt2@example.org' },
    });
    expect(m.settings.alternative_hosts).toBe('alt1@example.org;alt2@example.org');
  });

  it('refuses an alternative host who is not a licensed, active user of the account', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'basic@example.org', type: 1 }), makeUser({ email: 'alt@example.org' })],
    });
    for (const alternative_hosts of ['stranger@example.net', 'alt@example.org;basic@example.org']) {
      const res = await sandbox.call('POST', '/v2/users/me/meetings', { settings: { alternative_hosts } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(invalid('settings.alternative_hosts'));
    }
  });

  it('replaces the list on update', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'a@example.org' }), makeUser({ email: 'b@example.org' })],
    });
    const m = await createMeeting(sandbox, { settings: { alternative_hosts: 'a@example.org' } });
    await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { settings: { alternative_hosts: 'b@example.org' } });
    const got = (await sandbox.call('GET', `/v2/meetings/${m.id}`)).json<MeetingJson>();
    expect(got.settings.alternative_hosts).toBe('b@example.org');
  });
});

describe('schedule_for', () => {
  it('makes the named user the host on create', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'real-host@example.org' })] });
    const m = await createMeeting(sandbox, { schedule_for: 'real-host@example.org' });
    expect(m.host_email).toBe('real-host@example.org');
    const list = (await sandbox.call('GET', '/v2/users/real-host@example.org/meetings')).json();
    expect(list.meetings.map((x: { id: number }) => x.id)).toEqual([m.id]);
  });

  it('moves the meeting to the named user on update', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'next@example.org' })] });
    const m = await createMeeting(sandbox);
    expect(
      (await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { schedule_for: 'next@example.org' })).statusCode,
    ).toBe(204);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().host_email).toBe('next@example.org');
  });

  it('refuses a user outside the account with 400/300', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('POST', '/v2/users/me/meetings', { schedule_for: 'outsider@example.net' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 300,
      message:
        'The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.',
    });
  });

  it('refuses schedule_for on an instant meeting with 400/3000', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'h@example.org' })] });
    const res = await sandbox.call('POST', '/v2/users/me/meetings', {
      type: 1,
      schedule_for: 'h@example.org',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(3000);
  });
});
