import { describe, expect, it } from 'vitest';
import { createMeeting, type MeetingJson, makeSandbox, makeUser, PUBLIC_URL } from './test-helpers';

describe('POST /v2/users/{userId}/meetings', () => {
  it('answers 201 with a realistic meeting object', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('POST', '/v2/users/me/meetings', {
      topic: 'Weekly sync',
      type: 2,
      start_time: '2026-03-10T14:00:00Z',
      duration: 45,
      timezone: 'Europe/Zurich',
      agenda: 'Status',
      password: 'test',
    });
    expect(res.statusCode).toBe(201);
    const m = res.json<MeetingJson>();
    expect(String(m.id)).toMatch(/^\d{10,11}$/);
    expect(Buffer.from(m.uuid, 'base64')).toHaveLength(16);
    expect(m.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(m).toMatchObject({
      host_id: sandbox.owner.id,
      host_email: sandbox.owner.email,
      topic: 'Weekly sync',
      type: 2,
      start_time: '2026-03-10T14:00:00Z',
      duration: 45,
      timezone: 'Europe/Zurich',
      agenda: 'Status',
      created_at: '2026-03-02T10:00:00Z',
      password: 'test',
      pre_schedule: false,
    });
    expect(m.status).toBeUndefined();
    expect(m.join_url).toBe(`${PUBLIC_URL}/j/${m.id}?pwd=${m.encrypted_password}`);
    expect(m.start_url).toMatch(new RegExp(`^${PUBLIC_URL}/s/${m.id}\\?zak=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(m.h323_password).toMatch(/^\d{6}$/);
    expect(m.pstn_password).toBe(m.h323_password);
    expect(m.settings).toMatchObject({
      host_video: false,
      participant_video: false,
      join_before_host: false,
      mute_upon_entry: false,
      waiting_room: false,
      approval_type: 2,
      audio: 'both',
      auto_recording: 'none',
      alternative_hosts: '',
      use_pmi: false,
    });
    expect(m.settings.global_dial_in_numbers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ country: 'US', type: 'toll', number: expect.any(String) }),
      ]),
    );
    expect(m.occurrences).toBeUndefined();
    expect(res.headers['x-zm-trackingid']).toBeDefined();
  });

  it('uses a numeric passcode itself as the phone passcode', async () => {
    const m = await createMeeting(await makeSandbox(), { password: '12345678' });
    expect(m.h323_password).toBe('12345678');
    expect(m.pstn_password).toBe('12345678');
  });

  it('reads a local start_time in the given time zone and answers in UTC', async () => {
    const sandbox = await makeSandbox();
    const winter = await createMeeting(sandbox, {
      start_time: '2026-03-10T09:00:00',
      timezone: 'Europe/Zurich',
    });
    expect(winter.start_time).toBe('2026-03-10T08:00:00Z');
    const summer = await createMeeting(sandbox, {
      start_time: '2026-07-10T09:00:00',
      timezone: 'America/New_York',
    });
    expect(summer.start_time).toBe('2026-07-10T13:00:00Z');
  });

  it('reads a local start_time in the host’s time zone when none is given', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'tokyo@example.org', timezone: 'Asia/Tokyo' })],
    });
    const m = await createMeeting(sandbox, { start_time: '2026-03-10T09:00:00' }, 'tokyo@example.org');
    expect(m).toMatchObject({ start_time: '2026-03-10T00:00:00Z', timezone: 'Asia/Tokyo' });
  });

  it('defaults to a scheduled meeting of 60 minutes starting now', async () => {
    const m = await createMeeting(await makeSandbox(), {});
    expect(m).toMatchObject({ type: 2, duration: 60, start_time: '2026-03-02T10:00:00Z' });
  });

  it('creates recurring meetings without fixed time (type 3) with no start_time and no occurrences', async () => {
    const m = await createMeeting(await makeSandbox(), { type: 3, start_time: '2026-03-10T09:00:00Z' });
    expect(m.type).toBe(3);
    expect(m.start_time).toBeUndefined();
    expect(m.occurrences).toBeUndefined();
  });

  it('lists the occurrences of a recurring meeting with fixed time (type 8)', async () => {
    const m = await createMeeting(await makeSandbox(), {
      type: 8,
      start_time: '2026-03-09T09:00:00',
      timezone: 'Europe/Zurich',
      duration: 30,
      recurrence: { type: 2, weekly_days: '2,4', end_times: 4 },
    });
    expect(m.recurrence).toEqual({ type: 2, weekly_days: '2,4', end_times: 4 });
    expect(m.occurrences?.map((o) => o.start_time)).toEqual([
      '2026-03-09T08:00:00Z',
      '2026-03-11T08:00:00Z',
      '2026-03-16T08:00:00Z',
      '2026-03-18T08:00:00Z',
    ]);
    expect(m.occurrences?.[0]).toEqual({
      occurrence_id: String(Date.parse('2026-03-09T08:00:00Z')),
      start_time: '2026-03-09T08:00:00Z',
      duration: 30,
      status: 'available',
    });
  });

  it('stores and echoes join_before_host off when the waiting room is on', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { settings: { waiting_room: true, join_before_host: true } });
    expect(m.settings).toMatchObject({ waiting_room: true, join_before_host: false });
    const got = (await sandbox.call('GET', `/v2/meetings/${m.id}`)).json<MeetingJson>();
    expect(got.settings.join_before_host).toBe(false);
  });

  it('answers 404/1001 for an unknown host and 400/1120 for a pending one', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'pending@example.org', status: 'pending' })],
    });
    const unknown = await sandbox.call('POST', '/v2/users/ghost@example.org/meetings', { topic: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 1001, message: 'User does not exist: ghost@example.org.' });
    const pending = await sandbox.call('POST', '/v2/users/pending@example.org/meetings', { topic: 'x' });
    expect(pending.json().code).toBe(1120);
  });

  it('refuses a deactivated host with 400/3161', async () => {
    const sandbox = await makeSandbox({
      users: [makeUser({ email: 'gone@example.org', status: 'inactive' })],
    });
    const res = await sandbox.call('POST', '/v2/users/gone@example.org/meetings', { topic: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(3161);
  });
});

describe('GET, PATCH and DELETE /v2/meetings/{meetingId}', () => {
  it('returns the meeting with status "waiting" and a fresh start_url', async () => {
    const sandbox = await makeSandbox();
    const created = await createMeeting(sandbox, { password: 'abc123' });
    const res = await sandbox.call('GET', `/v2/meetings/${created.id}`);
    expect(res.statusCode).toBe(200);
    const got = res.json<MeetingJson>();
    expect(got).toMatchObject({
      id: created.id,
      uuid: created.uuid,
      status: 'waiting',
      join_url: created.join_url,
    });
    expect(got.start_url).toMatch(/\?zak=/);
    expect(res.headers['x-ratelimit-category']).toBe('Light');
  });

  it('shows status "started" while the meeting is in progress', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    sandbox.state.startMeeting(m.id);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().status).toBe('started');
    sandbox.state.endMeeting(m.id);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().status).toBe('waiting');
  });

  it('updates with 204 and no body, changing only what was sent', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { agenda: 'Keep me', settings: { mute_upon_entry: true } });
    const res = await sandbox.call('PATCH', `/v2/meetings/${m.id}`, {
      topic: 'Renamed',
      settings: { host_video: true },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const got = (await sandbox.call('GET', `/v2/meetings/${m.id}`)).json<MeetingJson>();
    expect(got).toMatchObject({ topic: 'Renamed', agenda: 'Keep me' });
    expect(got.settings).toMatchObject({ host_video: true, mute_upon_entry: true });
  });

  it('gives the join URL a new pwd when the passcode changes', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'first1' });
    await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { password: 'second2' });
    const got = (await sandbox.call('GET', `/v2/meetings/${m.id}`)).json<MeetingJson>();
    expect(got.password).toBe('second2');
    expect(got.encrypted_password).not.toBe(m.encrypted_password);
    expect(got.join_url).toBe(`${PUBLIC_URL}/j/${m.id}?pwd=${got.encrypted_password}`);
    const unchanged = (await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { topic: 'Same passcode' }))
      .statusCode;
    expect(unchanged).toBe(204);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().join_url).toBe(got.join_url);
  });

  it('turns a scheduled meeting into one without fixed time when sent type 3 alone', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { start_time: '2026-04-01T10:00:00Z' });
    expect((await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { type: 3 })).statusCode).toBe(204);
    const got = (await sandbox.call('GET', `/v2/meetings/${m.id}`)).json<MeetingJson>();
    expect(got.type).toBe(3);
    expect(got.start_time).toBeUndefined();
  });

  it('refuses a null start_time or duration, which Zoom’s document types as string and integer, with 300', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { start_time: '2026-04-01T10:00:00Z' });
    const res = await sandbox.call('PATCH', `/v2/meetings/${m.id}`, {
      type: 3,
      start_time: null,
      duration: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 300,
      message: 'Validation Failed.',
      errors: [
        { field: 'start_time', message: 'Invalid field.' },
        { field: 'duration', message: 'Invalid field.' },
      ],
    });
  });

  it('refuses to update a meeting that has started with 400/3000', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    sandbox.state.startMeeting(m.id);
    const res = await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { topic: 'Too late' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 3000,
      message: 'You cannot update or delete meetings that have started using this method.',
    });
  });

  it('deletes with 204, after which the id answers 404/3001', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    const del = await sandbox.call('DELETE', `/v2/meetings/${m.id}`);
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await sandbox.call(
        method,
        `/v2/meetings/${m.id}`,
        method === 'PATCH' ? { topic: 'x' } : undefined,
      );
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 3001, message: `Meeting does not exist: ${m.id}.` });
    }
  });

  it('refuses to delete a meeting in progress with 400/3002', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    sandbox.state.startMeeting(m.id);
    const res = await sandbox.call('DELETE', `/v2/meetings/${m.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 3002,
      message: 'Sorry, you cannot delete this meeting since it is in progress.',
    });
  });

  it('answers 400/300 for an id that is not a number', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('GET', '/v2/meetings/abc');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 300, message: 'Invalid meeting id.' });
  });
});

describe('GET /v2/users/{userId}/meetings', () => {
  it('lists the host’s scheduled meetings in pages', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'other@example.org' })] });
    for (let i = 0; i < 3; i++) await createMeeting(sandbox, { start_time: `2026-03-1${i}T10:00:00Z` });
    await createMeeting(sandbox, {}, 'other@example.org');
    const page1 = (await sandbox.call('GET', '/v2/users/me/meetings?page_size=2')).json();
    expect(page1).toMatchObject({ page_size: 2, total_records: 3 });
    expect(page1.meetings).toHaveLength(2);
    expect(Object.keys(page1.meetings[0]).sort()).toEqual(
      [
        'agenda',
        'created_at',
        'duration',
        'host_id',
        'id',
        'join_url',
        'start_time',
        'timezone',
        'topic',
        'type',
        'uuid',
      ].sort(),
    );
    const page2 = (
      await sandbox.call('GET', `/v2/users/me/meetings?page_size=2&next_page_token=${page1.next_page_token}`)
    ).json();
    expect(page2.meetings).toHaveLength(1);
    expect(page2.next_page_token).toBe('');
  });

  it('filters live, upcoming and previous meetings by the sandbox clock', async () => {
    const sandbox = await makeSandbox();
    const past = await createMeeting(sandbox, { start_time: '2026-03-01T10:00:00Z', duration: 30 });
    const future = await createMeeting(sandbox, { start_time: '2026-03-05T10:00:00Z' });
    const live = await createMeeting(sandbox, { start_time: '2026-02-01T10:00:00Z' });
    sandbox.state.startMeeting(live.id);
    const ids = async (type: string) =>
      (await sandbox.call('GET', `/v2/users/me/meetings?type=${type}`))
        .json()
        .meetings.map((m: { id: number }) => m.id);
    expect(await ids('live')).toEqual([live.id]);
    expect((await ids('upcoming')).sort()).toEqual([future.id, live.id].sort());
    expect((await ids('previous_meetings')).sort()).toEqual([live.id, past.id].sort());
    expect(await ids('scheduled')).toHaveLength(3);
    const bad = await sandbox.call('GET', '/v2/users/me/meetings?type=someday');
    expect(bad.json()).toEqual({
      code: 300,
      message: 'Validation Failed.',
      errors: [{ field: 'type', message: 'Invalid field.' }],
    });
  });
});
