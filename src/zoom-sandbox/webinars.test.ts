import { describe, expect, it } from 'vitest';
import { createMeeting, type MeetingJson, makeSandbox, makeUser, PUBLIC_URL } from './test-helpers';

describe('webinars', () => {
  it('creates a webinar (type 5) for a host with a webinar licence', async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.call('POST', '/v2/users/me/webinars', {
      topic: 'Town hall',
      start_time: '2026-03-20T15:00:00Z',
      duration: 90,
      password: 'hall42',
    });
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      type: 5,
      topic: 'Town hall',
      start_time: '2026-03-20T15:00:00Z',
      is_simulive: false,
    });
    expect(w.join_url).toBe(`${PUBLIC_URL}/j/${w.id}?pwd=${w.encrypted_passcode}`);
    expect(w.h323_passcode).toMatch(/^\d{6}$/);
    expect(res.headers['x-ratelimit-category']).toBe('Light');
  });

  it('has webinar settings and none of the meeting-only ones', async () => {
    const w = await createMeeting(
      await makeSandbox(),
      { settings: { waiting_room: true, panelists_video: true } },
      'me',
      'webinars',
    );
    expect(w.settings).toMatchObject({ panelists_video: true, practice_session: false, hd_video: false });
    for (const key of ['waiting_room', 'join_before_host', 'mute_upon_entry', 'participant_video']) {
      expect(w.settings[key]).toBeUndefined();
    }
  });

  it('refuses a host without a webinar licence with 400/200', async () => {
    const sandbox = await makeSandbox({ users: [makeUser({ email: 'plain@example.org', id: 'plain-id' })] });
    const res = await sandbox.call('POST', '/v2/users/plain@example.org/webinars', { topic: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 200,
      message:
        'Subscription plan for webinar is missing. Enable webinar for this user once the subscription plan is added:plain-id.',
    });
  });

  it('accepts only webinar types 5, 6 and 9', async () => {
    const sandbox = await makeSandbox();
    expect((await sandbox.call('POST', '/v2/users/me/webinars', { type: 2 })).json().errors).toEqual([
      { field: 'type', message: 'Invalid field.' },
    ]);
    expect((await createMeeting(sandbox, { type: 6 }, 'me', 'webinars')).type).toBe(6);
  });

  it('gets, updates (204) and deletes (204) webinars on /webinars', async () => {
    const sandbox = await makeSandbox();
    const w = await createMeeting(sandbox, {}, 'me', 'webinars');
    expect((await sandbox.call('GET', `/v2/webinars/${w.id}`)).json().topic).toBe('Weekly sync');
    expect((await sandbox.call('PATCH', `/v2/webinars/${w.id}`, { topic: 'Renamed' })).statusCode).toBe(204);
    expect((await sandbox.call('GET', `/v2/webinars/${w.id}`)).json().topic).toBe('Renamed');
    expect((await sandbox.call('DELETE', `/v2/webinars/${w.id}`)).statusCode).toBe(204);
    const gone = await sandbox.call('GET', `/v2/webinars/${w.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ code: 3001, message: `Webinar does not exist: ${w.id}.` });
  });

  it('lists the host’s webinars', async () => {
    const sandbox = await makeSandbox();
    const w = await createMeeting(sandbox, {}, 'me', 'webinars');
    await createMeeting(sandbox);
    const list = (await sandbox.call('GET', '/v2/users/me/webinars')).json();
    expect(list.total_records).toBe(1);
    expect(list.webinars[0].id).toBe(w.id);
  });

  it('answers 400/3000 on every meeting endpoint for a webinar id, the signal Indico relies on', async () => {
    const sandbox = await makeSandbox();
    const w = await createMeeting(sandbox, {}, 'me', 'webinars');
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await sandbox.call(
        method,
        `/v2/meetings/${w.id}`,
        method === 'PATCH' ? { topic: 'x' } : undefined,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 3000, message: 'Cannot access webinar info.' });
    }
  });

  it('does not find a meeting id on webinar endpoints', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    const res = await sandbox.call('GET', `/v2/webinars/${m.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe(3001);
  });

  it('makes a meeting converted on zoom.us answer 3000 on meeting endpoints and work on webinar ones', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { type: 3, settings: { waiting_room: true } });
    sandbox.state.convertToWebinar(m.id);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().code).toBe(3000);
    const w = (await sandbox.call('GET', `/v2/webinars/${m.id}`)).json<MeetingJson>();
    expect(w).toMatchObject({ id: m.id, type: 6, topic: m.topic });
    expect(w.settings.waiting_room).toBeUndefined();
    expect((await sandbox.call('DELETE', `/v2/webinars/${m.id}`)).statusCode).toBe(204);
  });

  it('refuses to delete a webinar in progress with 400/3002', async () => {
    const sandbox = await makeSandbox();
    const w = await createMeeting(sandbox, {}, 'me', 'webinars');
    sandbox.state.startMeeting(w.id);
    const res = await sandbox.call('DELETE', `/v2/webinars/${w.id}`);
    expect(res.json()).toEqual({
      code: 3002,
      message: 'Sorry, you cannot delete this webinar since it is in progress.',
    });
  });
});
