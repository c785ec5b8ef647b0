// Editing, refreshing and "make me an alternative host" on Zoom rooms, against the in-process sandbox.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZOOM_ACTIONS } from '../../src/contracts/vc-zoom';
import { eventManagers } from '../../src/server/events/schema';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import {
  createZoomRoom,
  editZoomRoom,
  nextSecond,
  outbox,
  requestsSince,
  roomData,
  roomRow,
  sandboxOf,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

describe('editing a Zoom room', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let bob: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    bob = await zoomPerson(t, 'Bob Manager');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
    await writeZoomSettings(t, { sendHostUrl: true, allowWebinars: true });
  });
  beforeEach(async () => {
    await nextSecond(t, clock);
    sandboxOf(t).clearFaults();
  });

  async function room(name = 'Standup', form: Record<string, unknown> = {}) {
    const ev = await makeEvent(t.deps.db, { creator: ada, managers: [bob] });
    return { ev, ...(await createZoomRoom(t, agent, ev.id, { name, form })) };
  }
  const meetingOf = (id: string) => sandboxOf(t).meetings.get(Number(id));

  it('sends only the new name, then reads the meeting back', async () => {
    const r = await room();
    const from = sandboxOf(t).requests.entries.length;
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { name: 'Daily standup' });
    expect(res.statusCode, res.body).toBe(200);
    expect(requestsSince(t, from)).toEqual(['PATCH /v2/meetings/:id', 'GET /v2/meetings/:id']);
    expect(meetingOf(r.data.meetingId)?.topic).toBe('Daily standup');
    expect((await roomRow(t, r.roomId)).name).toBe('Daily standup');
  });

  it('saving an unchanged form calls Zoom not at all', async () => {
    const r = await room();
    const from = sandboxOf(t).requests.entries.length;
    expect((await editZoomRoom(agent, r.ev.id, r.linkId)).statusCode).toBe(200);
    expect(requestsSince(t, from)).toEqual([]);
  });

  it('a new passcode changes the join link, read back from Zoom, after the host’s rules are checked', async () => {
    const r = await room();
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { passcode: '99887766' } });
    expect(res.statusCode, res.body).toBe(200);
    const data = await roomData(t, r.roomId);
    expect(data.passcode).toBe('99887766');
    expect(data.joinUrl).not.toBe(r.data.joinUrl);
    expect(meetingOf(r.data.meetingId)?.password).toBe('99887766');
    const bad = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { passcode: 'has space' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('room.form.passcode');
  });

  it('changes the advanced settings; a waiting room turns join-before-host off, as Zoom does', async () => {
    const r = await room();
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, {
      form: { waitingRoom: true, muteAudio: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(meetingOf(r.data.meetingId)?.settings).toMatchObject({
      waiting_room: true,
      join_before_host: false,
      mute_upon_entry: false,
    });
  });

  it('moves the meeting to a new host with schedule_for, re-checks the alternative hosts and e-mails both hosts', async () => {
    const carol = await zoomPerson(t, 'Carol Cohost');
    const grace = await zoomPerson(t, 'Grace Hopper');
    const r = await room('Handover', { alternativeHostIds: [carol.id] });
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { hostUserId: grace.id } });
    expect(res.statusCode, res.body).toBe(200);
    const data = await roomData(t, r.roomId);
    expect(data).toMatchObject({
      hostUserId: grace.id,
      hostEmail: grace.email,
      alternativeHostIds: [carol.id],
    });
    const meeting = meetingOf(r.data.meetingId);
    expect(sandboxOf(t).users.find(meeting?.accountId ?? '', meeting?.hostId ?? '')?.email).toBe(grace.email);
    const mails = await outbox(t);
    expect(mails.find((m) => m.to.includes(ada.email))?.subject).toBe(
      '[Zoom] You are no longer the host of Handover',
    );
    expect(mails.find((m) => m.to.includes(grace.email))?.subject).toBe(
      '[Zoom] You are now the host of Handover',
    );
    expect((await roomRow(t, r.roomId)).hostKeys).toEqual([`user:${grace.id}`]);
  });

  it('refuses a new host without a Zoom account, and the new host among the alternative hosts', async () => {
    const carol = await zoomPerson(t, 'Carol Second');
    const r = await room('Kept', { alternativeHostIds: [carol.id] });
    const nobody = await makeUser(t.deps.db, { name: 'Nora Nobody', email: 'nora.edit@example.org' });
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { hostUserId: nobody.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      {
        field: 'room.form.hostUserId',
        message: 'Nora Nobody has no Zoom account under nora.edit@example.org.',
      },
    ]);
    const clash = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { hostUserId: carol.id } });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().error.fields[0].field).toBe('room.form.alternativeHostIds');
    expect((await roomData(t, r.roomId)).hostUserId).toBe(ada.id);
  });

  it('says clearly that Zoom cannot move a webinar to another host', async () => {
    const wendy = await zoomPerson(t, 'Wendy Webinar', { seed: { webinar: true } });
    const r = await room('Webinar', { meetingType: 'webinar', hostUserId: wendy.id });
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { hostUserId: ada.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0]).toEqual({
      field: 'room.form.hostUserId',
      message: 'Zoom does not let a webinar change hosts through its API: change the host on zoom.us.',
    });
  });

  it('keeps co-hosts added on zoom.us when the alternative hosts are edited here', async () => {
    sandboxOf(t).addUser({ email: 'zoom.only@zoom.example', type: 2 });
    const carol = await zoomPerson(t, 'Carol Third');
    const r = await room('Co-hosts');
    const client = await t.app.zoom.client();
    await client.updateMeeting(r.data.meetingId, {
      settings: { alternative_hosts: 'zoom.only@zoom.example' },
    });
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { form: { alternativeHostIds: [carol.id] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(meetingOf(r.data.meetingId)?.settings.alternative_hosts).toBe(
      `zoom.only@zoom.example;${carol.email}`,
    );
    expect(await roomData(t, r.roomId)).toMatchObject({
      alternativeHostIds: [carol.id],
      alternativeHostEmails: ['zoom.only@zoom.example', carol.email],
    });
  });

  it('refresh picks up what changed on zoom.us, and a meeting converted to a webinar keeps working', async () => {
    const r = await room('Original');
    const client = await t.app.zoom.client();
    await client.updateMeeting(r.data.meetingId, { topic: 'Renamed on Zoom', agenda: 'New agenda' });
    const res = await agent.post(`/api/events/${r.ev.id}/vc/links/${r.linkId}/refresh`);
    expect(res.statusCode).toBe(200);
    expect(res.json().notice).toBe('The videoconference was updated from the service.');
    expect(await roomRow(t, r.roomId)).toMatchObject({ name: 'Renamed on Zoom' });
    sandboxOf(t).convertToWebinar(r.data.meetingId);
    expect((await agent.post(`/api/events/${r.ev.id}/vc/links/${r.linkId}/refresh`)).statusCode).toBe(200);
    expect(await roomData(t, r.roomId)).toMatchObject({
      kind: 'webinar',
      zoomType: 5,
      description: 'New agenda',
    });
    const edit = await editZoomRoom(agent, r.ev.id, r.linkId, { name: 'Now a webinar' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(meetingOf(r.data.meetingId)).toMatchObject({ kind: 'webinar', topic: 'Now a webinar' });
    const list = (await agent.get(`/api/events/${r.ev.id}/vc`)).json();
    expect(list.rooms.find((x: { roomId: number }) => x.roomId === r.roomId).details.badges).toContain(
      'Webinar',
    );
  });

  it('leaves the room as it was when Zoom keeps failing on the edit', async () => {
    const r = await room('Steady');
    // PATCH is retried (twice, with backoff) before the dialog is told.
    sandboxOf(t).injectFault({ method: 'PATCH', path: '/v2/meetings/*', status: 503, times: 3 });
    const res = await editZoomRoom(agent, r.ev.id, r.linkId, { name: 'Wobbly' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toContain('Zoom failed to update meeting');
    expect((await roomRow(t, r.roomId)).name).toBe('Steady');
    expect(meetingOf(r.data.meetingId)?.topic).toBe('Steady');
  });

  it('marks the room deleted when Zoom says the meeting is gone, on refresh and on edit', async () => {
    const r = await room('Doomed');
    sandboxOf(t).deleteMeetingOnZoom(r.data.meetingId);
    const res = await agent.post(`/api/events/${r.ev.id}/vc/links/${r.linkId}/refresh`);
    expect(res.json().notice).toBe(
      'This videoconference no longer exists at Zoom: it has been marked deleted.',
    );
    expect((await roomRow(t, r.roomId)).status).toBe('deleted');
    const other = await room('Doomed too');
    sandboxOf(t).deleteMeetingOnZoom(other.data.meetingId);
    const edit = await editZoomRoom(agent, other.ev.id, other.linkId, { name: 'Too late' });
    expect(edit.statusCode).toBe(409);
    expect((await roomRow(t, other.roomId)).status).toBe('deleted');
  });
});

describe('make me an alternative host', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let bob: MadeUser;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    bob = await zoomPerson(t, 'Bob Manager');
  });
  beforeEach(() => nextSecond(t, clock));

  async function setUp() {
    const ev = await makeEvent(t.deps.db, { creator: ada, managers: [bob] });
    const r = await createZoomRoom(t, await agentFor(t.app, t.deps.db, ada, clock()), ev.id, { name: 'Alt' });
    return { ev, ...r, bobAgent: await agentFor(t.app, t.deps.db, bob, clock()) };
  }
  const action = (agent: Agent, eventId: number, linkId: number) =>
    agent.post(`/api/events/${eventId}/vc/links/${linkId}/actions/${ZOOM_ACTIONS.makeMeAlternativeHost}`);

  it('adds the manager to the alternative hosts, keeping co-hosts added on zoom.us', async () => {
    const r = await setUp();
    const offered = (await r.bobAgent.get(`/api/events/${r.ev.id}/vc`)).json().rooms[0].actions;
    expect(offered).toEqual([{ id: 'make-me-alternative-host', label: 'Make me an alternative host' }]);
    sandboxOf(t).addUser({ email: 'zoom.cohost@zoom.example', type: 2 });
    await (await t.app.zoom.client()).updateMeeting(r.data.meetingId, {
      settings: { alternative_hosts: 'zoom.cohost@zoom.example' },
    });
    const res = await action(r.bobAgent, r.ev.id, r.linkId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toBe('You are now an alternative host of this meeting: you can start it.');
    const meeting = sandboxOf(t).meetings.get(Number(r.data.meetingId));
    expect(meeting?.settings.alternative_hosts).toBe(`zoom.cohost@zoom.example;${bob.email}`);
    expect(await roomData(t, r.roomId)).toMatchObject({ alternativeHostIds: [bob.id] });
    // Now a host: no longer offered.
    expect((await r.bobAgent.get(`/api/events/${r.ev.id}/vc`)).json().rooms[0].actions).toEqual([]);
  });

  it('says "You are already a host" when Zoom already lists them', async () => {
    const r = await setUp();
    await (await t.app.zoom.client()).updateMeeting(r.data.meetingId, {
      settings: { alternative_hosts: bob.email },
    });
    const res = await action(r.bobAgent, r.ev.id, r.linkId);
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('You are already a host of this meeting.');
  });

  it('refuses a manager without a Zoom account, or who may not use Zoom', async () => {
    const r = await setUp();
    const nora = await makeUser(t.deps.db, { name: 'Nora Nobody', email: 'nora.alt@example.org' });
    await t.deps.db.insert(eventManagers).values({ eventId: r.ev.id, userId: nora.id });
    const noraAgent = await agentFor(t.app, t.deps.db, nora, clock());
    const res = await action(noraAgent, r.ev.id, r.linkId);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.message).toBe('Nora Nobody has no Zoom account under nora.alt@example.org.');
    await writeZoomSettings(t, { creatorsRestricted: true, creatorIds: [] });
    try {
      expect((await action(r.bobAgent, r.ev.id, r.linkId)).statusCode).toBe(403);
    } finally {
      await writeZoomSettings(t, { creatorsRestricted: false });
    }
  });
});
