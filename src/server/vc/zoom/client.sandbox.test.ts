// Every operation of the client against the Zoom sandbox, over real HTTP.
import { describe, expect, it } from 'vitest';
import {
  BASIC_USER,
  HOST,
  PENDING_USER,
  useZoomSandbox,
  WEBINAR_HOST,
} from '../../../../test/support/zoom-sandbox-harness';
import { isZoomError, type ZoomError } from './errors';

const caught = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e as ZoomError);
const meeting = { topic: 'Weekly sync', type: 2 as const, start_time: '2030-02-01T10:00:00Z', duration: 60 };

describe('the Zoom client: users', () => {
  const h = useZoomSandbox();

  it('finds a user by e-mail and by id', async () => {
    const client = h.client();
    const byEmail = await client.getUser(HOST);
    expect(byEmail).toMatchObject({ email: HOST, first_name: 'Hana', type: 2 });
    await expect(client.getUser(byEmail.id)).resolves.toMatchObject({ email: HOST });
  });

  it('says a person without a Zoom user has no Zoom account (1001)', async () => {
    const err = await caught(h.client().getUser('nobody@example.org'));
    expect(err).toMatchObject({ kind: 'user-not-found', zoomCode: 1001 });
    expect(err?.message).toBe(
      'nobody@example.org has no Zoom account: add them to the Zoom account or choose another person.',
    );
  });

  it('says a person whose invitation is pending must accept it (1120)', async () => {
    const err = await caught(h.client().getUser(PENDING_USER));
    expect(err).toMatchObject({ kind: 'user-not-found', zoomCode: 1120 });
    expect(err?.message).toMatch(/pending@example.org has been invited .* must accept it/);
  });

  it('answers "no such user" to findUserByEmail with undefined', async () => {
    await expect(h.client().findUserByEmail('nobody@example.org')).resolves.toBeUndefined();
    await expect(h.client().findUserByEmail(HOST)).resolves.toMatchObject({ email: HOST });
  });

  it('reads a host’s passcode requirements from the user settings', async () => {
    const req = await h.client().getPasscodeRequirements(HOST);
    expect(req).toMatchObject({ minLength: 8, onlyNumeric: true, maxLength: 10 });
  });
});

describe('the Zoom client: meetings', () => {
  const h = useZoomSandbox();

  it('creates, reads, updates and deletes a meeting', async () => {
    const client = h.client();
    const created = await client.createMeeting(HOST, {
      ...meeting,
      password: '12345678',
      timezone: 'Europe/Zurich',
    });
    expect(created.kind).toBe('meeting');
    expect(typeof created.id).toBe('number');
    expect(String(created.id)).toMatch(/^\d{9,11}$/);
    expect(created.join_url).toContain(String(created.id));

    const read = await client.getMeeting(created.id);
    expect(read).toMatchObject({
      kind: 'meeting',
      id: created.id,
      topic: 'Weekly sync',
      password: '12345678',
    });

    await expect(client.updateMeeting(created.id, { topic: 'Renamed', agenda: 'Notes' })).resolves.toEqual({
      kind: 'meeting',
    });
    await expect(client.getMeeting(created.id)).resolves.toMatchObject({ topic: 'Renamed', agenda: 'Notes' });

    await expect(client.deleteMeeting(created.id)).resolves.toEqual({ kind: 'meeting' });
    const gone = await caught(client.getMeeting(created.id));
    expect(gone).toMatchObject({ kind: 'meeting-not-found', zoomCode: 3001 });
    expect(gone?.message).toMatch(new RegExp(`^Meeting ${created.id} does not exist on Zoom any more`));
  });

  it('says a meeting deleted on zoom.us is gone when updating or deleting it (3001)', async () => {
    const client = h.client();
    const created = await client.createMeeting(HOST, meeting);
    h.state.deleteMeetingOnZoom(created.id);
    await expect(caught(client.updateMeeting(created.id, { topic: 'x' }))).resolves.toMatchObject({
      kind: 'meeting-not-found',
    });
    await expect(caught(client.deleteMeeting(created.id))).resolves.toMatchObject({
      kind: 'meeting-not-found',
    });
  });

  it('follows a meeting converted into a webinar on zoom.us, for read, update and delete (3000)', async () => {
    const client = h.client();
    const created = await client.createMeeting(WEBINAR_HOST, {
      ...meeting,
      type: 3,
      start_time: undefined,
      duration: undefined,
    });
    h.state.convertToWebinar(created.id);
    await expect(client.getMeeting(created.id)).resolves.toMatchObject({
      kind: 'webinar',
      id: created.id,
      type: 6,
    });
    await expect(
      client.updateMeeting(created.id, { topic: 'Now a webinar', settings: { mute_upon_entry: true } }),
    ).resolves.toEqual({
      kind: 'webinar',
    });
    await expect(client.getWebinar(created.id)).resolves.toMatchObject({ topic: 'Now a webinar' });
    await expect(client.deleteMeeting(created.id)).resolves.toEqual({ kind: 'webinar' });
    expect(h.state.countRequests({ method: 'DELETE', path: `/v2/webinars/${created.id}` })).toBe(1);
  });

  it('keeps Zoom’s own reason when a 3000 is not about a webinar (a meeting that has started)', async () => {
    const client = h.client();
    const created = await client.createMeeting(HOST, meeting);
    h.state.startMeeting(created.id);
    const err = await caught(client.updateMeeting(created.id, { topic: 'x' }));
    expect(err).toMatchObject({ kind: 'refused', zoomCode: 3000 });
    expect(err?.message).toMatch(/cannot update or delete meetings that have started/);
  });

  it('lists all of a host’s meetings, page after page', async () => {
    const client = h.client();
    for (let i = 0; i < 5; i++) await client.createMeeting(HOST, { ...meeting, topic: `M${i}` });
    h.state.requests.clear();
    const list = await client.listUserMeetings(HOST, { pageSize: 2 });
    expect(list.map((m) => m.topic).sort()).toEqual(['M0', 'M1', 'M2', 'M3', 'M4']);
    expect(h.state.countRequests({ method: 'GET', path: '/v2/users/*/meetings' })).toBe(3);
  });

  it('adds and removes alternative hosts, keeping those added on zoom.us', async () => {
    const client = h.client();
    const created = await client.createMeeting(HOST, meeting);
    await client.updateMeeting(created.id, { settings: { alternative_hosts: WEBINAR_HOST } });
    h.state.addUser({ email: 'carol@example.org', type: 2 });

    const added = await client.addAlternativeHosts(created.id, ['Carol@example.org']);
    expect(added).toMatchObject({ kind: 'meeting', changed: true });
    const read = await client.getMeeting(created.id);
    expect(read.settings?.alternative_hosts?.toLowerCase().split(';').sort()).toEqual([
      'carol@example.org',
      WEBINAR_HOST,
    ]);

    const again = await client.addAlternativeHosts(created.id, ['carol@example.org']);
    expect(again.changed).toBe(false);

    await client.removeAlternativeHosts(created.id, [WEBINAR_HOST]);
    await expect(client.getMeeting(created.id)).resolves.toMatchObject({
      settings: { alternative_hosts: 'carol@example.org' },
    });
  });

  it('names the fields Zoom refuses (300): an alternative host without a licence, a passcode against the rules', async () => {
    const client = h.client();
    const badHost = await caught(
      client.createMeeting(HOST, { ...meeting, settings: { alternative_hosts: BASIC_USER } }),
    );
    expect(badHost).toMatchObject({ kind: 'validation', zoomCode: 300, code: 'VALIDATION_FAILED' });
    expect(badHost?.fields).toEqual([
      { field: 'alternativeHosts', zoomField: 'settings.alternative_hosts', message: 'Invalid field.' },
    ]);
    const badPasscode = await caught(client.createMeeting(HOST, { ...meeting, password: 'abc' }));
    expect(badPasscode?.fields?.[0]).toMatchObject({ field: 'passcode', zoomField: 'password' });
    expect(badPasscode?.message).toBe('Zoom refused the passcode: Invalid field.');
  });

  it('refuses before calling Zoom what Zoom documents as invalid, naming the field', async () => {
    h.state.requests.clear();
    const err = await caught(
      h.client().createMeeting(HOST, { ...meeting, topic: 'x'.repeat(201), password: 'no spaces' }),
    );
    expect(err?.kind).toBe('validation');
    expect(err?.fields?.map((f) => f.field)).toEqual(['name', 'passcode']);
    expect(err?.message).toBe(
      'Cannot create a meeting: the name: must be at most 200 characters; the passcode: may contain only letters, digits and @ - _ *.',
    );
    expect(h.state.requests.entries).toHaveLength(0);
  });

  it('says a host without a Zoom account cannot get a meeting (1001)', async () => {
    const err = await caught(h.client().createMeeting('nobody@example.org', meeting));
    expect(err).toMatchObject({ kind: 'user-not-found' });
    expect(err?.message).toMatch(/^nobody@example.org has no Zoom account/);
  });
});

describe('the Zoom client: webinars', () => {
  const h = useZoomSandbox();

  it('creates, reads, updates and deletes a webinar', async () => {
    const client = h.client();
    const created = await client.createWebinar(WEBINAR_HOST, {
      topic: 'Launch',
      type: 5,
      start_time: '2030-02-01T10:00:00Z',
      duration: 90,
    });
    expect(created).toMatchObject({ kind: 'webinar', type: 5 });
    await expect(client.getWebinar(created.id)).resolves.toMatchObject({ topic: 'Launch' });
    await expect(
      client.updateWebinar(created.id, { topic: 'Launch 2', settings: { panelists_video: true } }),
    ).resolves.toEqual({
      kind: 'webinar',
    });
    await expect(client.getWebinar(created.id)).resolves.toMatchObject({ topic: 'Launch 2' });
    await client.deleteWebinar(created.id);
    await expect(caught(client.getWebinar(created.id))).resolves.toMatchObject({ kind: 'meeting-not-found' });
  });

  it('says a host without a webinar licence needs one (200)', async () => {
    const err = await caught(h.client().createWebinar(HOST, { topic: 'Launch' }));
    expect(err).toMatchObject({ kind: 'webinar-license', zoomCode: 200 });
    expect(err?.message).toMatch(/^host@example.org has no Zoom webinar licence/);
    expect(isZoomError(err)).toBe(true);
  });
});
