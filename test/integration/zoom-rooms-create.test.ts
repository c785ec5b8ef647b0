// Creating Zoom rooms against the in-process sandbox: what is sent and stored, and every refusal the dialog
// must explain without leaving a meeting on Zoom or a row here.
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contributions } from '../../src/server/events/schema';
import { vcRooms } from '../../src/server/vc/schema';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { HOUR, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import {
  createZoomRoom,
  createZoomRoomRequest,
  nextSecond,
  outbox,
  roomRow,
  sandboxOf,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

describe('creating a Zoom room', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let owner: MadeUser;
  let ada: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    // The first Zoom user of the account is its Owner: the app's own user, who needs no schedule_for.
    owner = await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
  });
  beforeEach(async () => {
    await nextSecond(t, clock);
    sandboxOf(t).clearFaults();
    await writeZoomSettings(t, { allowWebinars: false, sendHostUrl: true });
  });

  const meetingsTitled = (topic: string) =>
    sandboxOf(t)
      .meetings.all()
      .filter((m) => m.topic === topic);
  const roomsNamed = async (name: string) => t.deps.db.select().from(vcRooms).where(eq(vcRooms.name, name));

  it('makes one scheduled meeting at the event’s time, hosted by its creator, and never stores the start link', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const before = sandboxOf(t).countRequests({ method: 'POST' });
    const room = await createZoomRoom(t, agent, ev.id, { name: 'Plenary', form: { passcode: '20304050' } });
    expect(sandboxOf(t).countRequests({ method: 'POST' }) - before).toBe(1);
    expect(room.data).toMatchObject({
      kind: 'meeting',
      zoomType: 2,
      startTime: '2030-06-01T08:00:00Z',
      duration: 58 * 60,
      timezone: 'Europe/Zurich',
      hostUserId: ada.id,
      hostEmail: ada.email,
      passcode: '20304050',
      phonePasscode: '20304050',
      registrationRequired: false,
      liveSince: null,
    });
    expect(room.data.publicJoinUrl).not.toContain('?');
    expect(room.data.joinUrl).toContain(`${room.data.publicJoinUrl}?pwd=`);
    expect(room.data.dialIn.length).toBeGreaterThan(0);
    const row = await roomRow(t, room.roomId);
    expect(JSON.stringify(row.data)).not.toMatch(/zak=|\/s\//);
    expect(row.searchKeys).toEqual([room.data.meetingId]);
    expect(row.hostKeys).toEqual([`user:${ada.id}`]);
    const meeting = sandboxOf(t).meetings.get(Number(room.data.meetingId));
    expect(meeting).toMatchObject({ topic: 'Plenary', type: 2, password: '20304050' });
    // Ada is not the account's owner: the meeting was scheduled for her, and she hosts it.
    expect(sandboxOf(t).users.find(meeting?.accountId ?? '', meeting?.hostId ?? '')?.email).toBe(ada.email);
    // Nobody else created it for her: no e-mail.
    expect((await outbox(t)).filter((m) => m.to.includes(ada.email))).toEqual([]);
  });

  it('makes a meeting recurring with no fixed time when the event has already started', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada, start: new Date(clock().getTime() - HOUR) });
    const room = await createZoomRoom(t, agent, ev.id, { name: 'Ongoing' });
    expect(room.data).toMatchObject({ zoomType: 3, startTime: null, duration: null });
    expect(sandboxOf(t).meetings.get(Number(room.data.meetingId))?.type).toBe(3);
  });

  it('schedules a contribution’s meeting at the contribution’s time', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const talk = await makeContribution(t.deps.db, {
      event: ev,
      start: new Date('2030-06-02T10:00:00Z'),
      durationMinutes: 45,
    });
    const room = await createZoomRoom(t, agent, ev.id, {
      name: 'Talk',
      target: { type: 'contribution', contributionId: talk.id },
    });
    expect(room.data).toMatchObject({ zoomType: 2, startTime: '2030-06-02T10:00:00Z', duration: 45 });
  });

  it('creates a meeting for another host, who gets an e-mail saying so', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const grace = await zoomPerson(t, 'Grace Hopper');
    const room = await createZoomRoom(t, agent, ev.id, { name: 'For Grace', form: { hostUserId: grace.id } });
    expect(room.data).toMatchObject({
      hostUserId: grace.id,
      hostEmail: grace.email,
      hostName: 'Grace Hopper',
    });
    const meeting = sandboxOf(t).meetings.get(Number(room.data.meetingId));
    expect(sandboxOf(t).users.find(meeting?.accountId ?? '', meeting?.hostId ?? '')?.email).toBe(grace.email);
    const mails = (await outbox(t)).filter((m) => m.to.includes(grace.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('[Zoom] Ada Lovelace created a meeting for you: For Grace');
    expect(mails[0]?.text).toContain(`/event/${ev.id}/manage/videoconference`);
    expect(mails[0]?.text).not.toMatch(/pwd=|zak=/);
  });

  it('sends no e-mail to the host when the administrator turned "E-mail hosts" off', async () => {
    await writeZoomSettings(t, { sendHostUrl: false });
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const alan = await zoomPerson(t, 'Alan Turing');
    await createZoomRoom(t, agent, ev.id, { name: 'For Alan', form: { hostUserId: alan.id } });
    expect((await outbox(t)).filter((m) => m.to.includes(alan.email))).toEqual([]);
  });

  it('the owner of the Zoom account hosts without schedule_for', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const room = await createZoomRoom(t, agent, ev.id, { name: 'Owner’s', form: { hostUserId: owner.id } });
    expect(room.data.hostEmail).toBe(owner.email);
  });

  it('refuses a host without a Zoom account, naming the person and the e-mail tried, and calls no create', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const nobody = await makeUser(t.deps.db, { name: 'Nora Nobody', email: 'nora@example.org' });
    const before = sandboxOf(t).countRequests({ method: 'POST' });
    const res = await createZoomRoomRequest(agent, ev.id, {
      name: 'No host',
      form: { hostUserId: nobody.id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'form.hostUserId', message: 'Nora Nobody has no Zoom account under nora@example.org.' },
    ]);
    expect(sandboxOf(t).countRequests({ method: 'POST' })).toBe(before);
    expect(await roomsNamed('No host')).toEqual([]);
  });

  it('refuses an alternative host who is not a Zoom user of the account, or who is the host', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const outsider = await makeUser(t.deps.db, { name: 'Otto Outsider', email: 'otto@example.net' });
    const res = await createZoomRoomRequest(agent, ev.id, { form: { alternativeHostIds: [outsider.id] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      {
        field: 'form.alternativeHostIds',
        message: 'Otto Outsider has no Zoom account under otto@example.net.',
      },
    ]);
    const self = await createZoomRoomRequest(agent, ev.id, {
      form: { hostUserId: ada.id, alternativeHostIds: [ada.id] },
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.fields[0].field).toBe('form.alternativeHostIds');
    const implicit = await createZoomRoomRequest(agent, ev.id, { form: { alternativeHostIds: [ada.id] } });
    expect(implicit.json().error.fields).toEqual([
      {
        field: 'form.alternativeHostIds',
        message: 'Ada Lovelace is the host, so cannot also be an alternative host.',
      },
    ]);
  });

  it('adds valid alternative hosts to the meeting', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const bob = await zoomPerson(t, 'Bob Cohost');
    const room = await createZoomRoom(t, agent, ev.id, {
      name: 'With Bob',
      form: { alternativeHostIds: [bob.id] },
    });
    expect(room.data).toMatchObject({ alternativeHostIds: [bob.id], alternativeHostEmails: [bob.email] });
    // Alternative hosts may start the meeting; only the host manages the room (vc_zoom.md §9).
    expect((await roomRow(t, room.roomId)).hostKeys).toEqual([`user:${ada.id}`]);
  });

  it('checks the passcode against Zoom’s rules and the host’s own requirements, on field passcode', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const strict = await zoomPerson(t, 'Sam Strict', {
      seed: { passwordRequirement: { have_letter: true, length: 8 } },
    });
    const bad = await createZoomRoomRequest(agent, ev.id, {
      form: { hostUserId: strict.id, passcode: '12345678' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual([
      { field: 'form.passcode', message: 'The passcode must contain a letter.' },
    ]);
    const symbols = await createZoomRoomRequest(agent, ev.id, { form: { passcode: 'abc!def' } });
    expect(symbols.statusCode).toBe(422);
    expect(symbols.json().error.fields[0]).toMatchObject({ field: 'form.passcode' });
    const good = await createZoomRoomRequest(agent, ev.id, {
      form: { hostUserId: strict.id, passcode: 'abc12345' },
    });
    expect(good.statusCode).toBe(201);
  });

  it('lets Zoom generate a passcode when the form leaves it empty and the host requires one', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const room = await createZoomRoom(t, agent, ev.id, { name: 'Generated', form: { passcode: '' } });
    expect(room.data.passcode).toMatch(/^\S+$/);
  });

  it('refuses a name longer than Zoom’s 200 characters, on field name', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const res = await createZoomRoomRequest(agent, ev.id, { name: 'x'.repeat(201) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'name', message: "must be at most 200 characters (Zoom's limit)" },
    ]);
  });

  it('offers webinars only when allowed, and only to hosts with a webinar licence', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const off = await createZoomRoomRequest(agent, ev.id, { form: { meetingType: 'webinar' } });
    expect(off.statusCode).toBe(422);
    expect(off.json().error.fields[0]).toEqual({
      field: 'form.meetingType',
      message: 'Webinars are not offered on this server: choose a meeting.',
    });
    await writeZoomSettings(t, { allowWebinars: true });
    const unlicensed = await createZoomRoomRequest(agent, ev.id, { form: { meetingType: 'webinar' } });
    expect(unlicensed.json().error.fields[0]).toEqual({
      field: 'form.meetingType',
      message: 'Ada Lovelace has no Zoom webinar licence: choose a meeting, or another host.',
    });
    const wendy = await zoomPerson(t, 'Wendy Webinar', { seed: { webinar: true } });
    const room = await createZoomRoom(t, agent, ev.id, {
      name: 'Big talk',
      form: { meetingType: 'webinar', hostUserId: wendy.id },
    });
    expect(room.data).toMatchObject({ kind: 'webinar', zoomType: 5, hostEmail: wendy.email });
  });

  it('says until when when the host reached Zoom’s daily cap, and keeps nothing', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    sandboxOf(t).injectFault({
      method: 'POST',
      path: '/v2/users/*/meetings',
      status: 429,
      body: {
        code: 429,
        message: 'A maximum of 100 meetings can be created/updated for a single user in one day.',
      },
      headers: { 'x-ratelimit-type': 'Daily-limit', 'retry-after': '2030-01-16T00:00:00Z' },
    });
    const res = await createZoomRoomRequest(agent, ev.id, { name: 'Capped' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(
      /^ada\.lovelace@zoom\.example has reached Zoom's limit of 100 meeting and webinar creations or updates a day; it resets at 00:00 UTC, in 1[45] h( \d+ min)? \(2030-01-16T00:00:00\.000Z\)\.$/,
    );
    expect(res.json().error.details.retryAt).toBe('2030-01-16T00:00:00.000Z');
    expect(await roomsNamed('Capped')).toEqual([]);
  });

  it('says Zoom is failing when it answers 5xx, and keeps nothing', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    sandboxOf(t).injectFault({
      method: 'POST',
      path: '/v2/users/*/meetings',
      status: 503,
      body: { message: 'down' },
    });
    const res = await createZoomRoomRequest(agent, ev.id, { name: 'Down' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toContain(
      'Zoom failed to create a meeting (HTTP 503); try again later.',
    );
    expect(await roomsNamed('Down')).toEqual([]);
    expect(meetingsTitled('Down')).toEqual([]);
  });

  it('deletes the meeting at Zoom and withdraws the host’s e-mail when the room cannot be saved here', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const talk = await makeContribution(t.deps.db, { event: ev });
    const grace = await zoomPerson(t, 'Grace Undone');
    // Zoom is slow; meanwhile the contribution is deleted, so the link cannot be written.
    sandboxOf(t).injectFault({ method: 'POST', path: '/v2/users/*/meetings', delayMs: 300 });
    const pending = createZoomRoomRequest(agent, ev.id, {
      name: 'Undone',
      target: { type: 'contribution', contributionId: talk.id },
      form: { hostUserId: grace.id },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.deps.db.update(contributions).set({ deletedAt: clock() }).where(eq(contributions.id, talk.id));
    const res = await pending;
    expect(res.statusCode).toBe(422);
    expect(await roomsNamed('Undone')).toEqual([]);
    expect(meetingsTitled('Undone')).toEqual([]);
    expect((await outbox(t)).filter((m) => m.to.includes(grace.email))).toEqual([]);
  });
});
