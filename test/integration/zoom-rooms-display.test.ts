// What people see of Zoom rooms on event pages (never a Zoom call), Start, Add existing by meeting number,
// and the form's helpers (defaults, user and host checks with overlapping meetings).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import {
  createZoomRoom,
  nextSecond,
  sandboxOf,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

interface Item {
  label: string;
  value: string;
}
interface Shown {
  name: string;
  details: {
    joinPath: string | null;
    joinHint: string | null;
    items: Item[];
    sections: Array<{ title: string; items: Item[] }>;
    badges: string[];
  };
}

describe('Zoom rooms on event pages', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let participant: MadeUser;
  let manager: Agent;
  let member: Agent;
  let anonymous: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    participant = await makeUser(t.deps.db, { name: 'Pat Participant' });
    manager = await agentFor(t.app, t.deps.db, ada, clock());
    member = await agentFor(t.app, t.deps.db, participant, clock());
    anonymous = await agentFor(t.app, t.deps.db, undefined);
    await writeZoomSettings(t, { phoneLink: 'https://help.example.org/zoom-phone' });
  });
  beforeEach(() => nextSecond(t, clock));

  async function eventWith(visibility: 'everyone' | 'logged_in' | 'no_one') {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, manager, ev.id, {
      name: `Room ${visibility}`,
      form: { passcode: 'Zk8pass77' },
      linkForm: { passcodeVisibility: visibility },
    });
    return { ev, ...r };
  }
  const shown = async (agent: Agent, eventId: number): Promise<Shown> => {
    const res = await agent.get(`/api/events/${eventId}`);
    return res.json().extensions.vc.rooms[0];
  };
  const labels = (s: Shown) => s.details.items.map((i) => i.label);
  const item = (s: Shown, label: string) => s.details.items.find((i) => i.label === label)?.value;
  const section = (s: Shown, title: string) => s.details.sections.find((x) => x.title === title);

  it('shows an anonymous visitor the meeting id and a join link without the passcode shown to logged-in users', async () => {
    const r = await eventWith('logged_in');
    const res = await anonymous.get(`/api/events/${r.ev.id}`);
    expect(res.body).not.toContain('Zk8pass77');
    expect(res.body).not.toContain('pwd=');
    const s = await shown(anonymous, r.ev.id);
    expect(labels(s)).toEqual(['Meeting ID', 'Join link', 'Host']);
    expect(item(s, 'Join link')).toBe(r.data.publicJoinUrl);
    expect(item(s, 'Host')).toBe('Ada Lovelace');
    expect(s.details.joinHint).toBe('Log in to see the passcode, or ask the organisers for it.');
    const phone = section(s, 'Join by phone');
    expect(phone?.items.some((i) => i.label === 'Phone passcode')).toBe(false);
    expect(phone?.items.at(-1)).toMatchObject({
      label: 'How to join by phone',
      value: 'https://help.example.org/zoom-phone',
    });
    expect(section(s, 'Connect room')).toBeUndefined();
    expect(section(s, 'For hosts')).toBeUndefined();
    const join = await anonymous.get(`/event/${r.ev.id}/vc/${r.roomId}/join`);
    expect(join.headers.location).toBe(r.data.publicJoinUrl);
  });

  it('shows a logged-in participant the passcode, the full join link and the phone passcode', async () => {
    const r = await eventWith('logged_in');
    const s = await shown(member, r.ev.id);
    expect(item(s, 'Passcode')).toBe('Zk8pass77');
    expect(item(s, 'Join link')).toBe(r.data.joinUrl);
    expect(section(s, 'Join by phone')?.items.find((i) => i.label === 'Phone passcode')?.value).toMatch(
      /^\d+$/,
    );
    expect((await member.get(`/event/${r.ev.id}/vc/${r.roomId}/join`)).headers.location).toBe(r.data.joinUrl);
  });

  it('keeps the passcode from everyone but managers when it is shown to no one, and gives it to all when to everyone', async () => {
    const hidden = await eventWith('no_one');
    const s = await shown(member, hidden.ev.id);
    expect(item(s, 'Passcode')).toBeUndefined();
    expect(s.details.joinHint).toBe('You will need the passcode: the organisers send it separately.');
    expect(item(await shown(manager, hidden.ev.id), 'Passcode')).toBe('Zk8pass77');
    const open = await eventWith('everyone');
    expect(item(await shown(anonymous, open.ev.id), 'Passcode')).toBe('Zk8pass77');
  });

  it('gives managers the room-system details and Start', async () => {
    const r = await eventWith('logged_in');
    const s = await shown(manager, r.ev.id);
    const connect = section(s, 'Connect room');
    expect(connect?.items.find((i) => i.label === 'SIP address')?.value).toBe(
      `${r.data.meetingId}@zoomcrc.com`,
    );
    expect(connect?.items.find((i) => i.label === 'H.323 meeting ID')?.value).toBe(r.data.meetingId);
    expect(connect?.items.find((i) => i.label === 'Room-system passcode')?.value).toMatch(/^\d+$/);
    expect(section(s, 'For hosts')?.items[0]).toEqual({
      label: 'Start the meeting',
      value: `/api/vc/zoom/rooms/${r.roomId}/start`,
      kind: 'url',
    });
  });

  it('viewing event pages, the management page and Join makes no Zoom call', async () => {
    const r = await eventWith('logged_in');
    const before = sandboxOf(t).countRequests();
    for (const agent of [anonymous, member, manager]) {
      expect((await agent.get(`/api/events/${r.ev.id}`)).statusCode).toBe(200);
      await agent.get(`/event/${r.ev.id}/vc/${r.roomId}/join`);
    }
    await manager.get(`/api/events/${r.ev.id}/vc`);
    await manager.get(`/api/events/${r.ev.id}/vc/links/${r.linkId}/form`);
    expect(sandboxOf(t).countRequests()).toBe(before);
  });

  it('Start redirects the host to a fresh start link, and refuses others', async () => {
    const r = await eventWith('logged_in');
    const before = sandboxOf(t).countRequests();
    const res = await manager.get(`/api/vc/zoom/rooms/${r.roomId}/start`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toMatch(new RegExp(`/s/${r.data.meetingId}\\?zak=`));
    expect(sandboxOf(t).countRequests() - before).toBe(1);
    expect((await member.get(`/api/vc/zoom/rooms/${r.roomId}/start`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/vc/zoom/rooms/${r.roomId}/start`)).headers.location).toBe(
      `/login?next=${encodeURIComponent(`/api/vc/zoom/rooms/${r.roomId}/start`)}`,
    );
  });

  it('Add existing finds a Zoom room by its name or its meeting number', async () => {
    const r = await eventWith('everyone');
    const other = await makeEvent(t.deps.db, { creator: ada });
    const byId = await manager.get(
      `/api/events/${other.id}/vc/suggestions?provider=zoom&q=${r.data.meetingId}`,
    );
    expect(byId.json().items.map((i: { id: number }) => i.id)).toContain(r.roomId);
    const byName = await manager.get(
      `/api/events/${other.id}/vc/suggestions?provider=zoom&q=Room%20everyone`,
    );
    expect(byName.json().items.map((i: { id: number }) => i.id)).toContain(r.roomId);
  });
});

describe('the Zoom form’s helpers', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let grace: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    grace = await zoomPerson(t, 'Grace Hopper', { seed: { passwordRequirement: { have_letter: true } } });
    agent = await agentFor(t.app, t.deps.db, ada, clock());
    await writeZoomSettings(t, { passcodeLength: 10, muteAudio: false, waitingRoom: true });
  });
  beforeEach(() => nextSecond(t, clock));

  it('pre-fills the Create form from the administrator’s settings, with a generated passcode', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const res = await agent.get(`/api/events/${ev.id}/vc/providers/zoom/form`);
    expect(res.statusCode).toBe(200);
    expect(res.json().form).toMatchObject({
      hostUserId: null,
      alternativeHostIds: [],
      meetingType: 'meeting',
      muteAudio: false,
      waitingRoom: true,
      joinBeforeHost: false,
    });
    expect(res.json().form.passcode).toMatch(/^\d{10}$/);
    expect(res.json().linkForm).toEqual({ passcodeVisibility: 'logged_in' });
  });

  it('checks whether a person has a Zoom account, and names the room’s people for the edit form', async () => {
    // A year later than the events below: its room overlaps none of their times.
    const ev = await makeEvent(t.deps.db, { creator: ada, start: new Date('2031-06-01T08:00:00Z') });
    const nobody = await makeUser(t.deps.db, { name: 'Nora Nobody', email: 'nora.check@example.org' });
    const ok = await agent.get(`/api/events/${ev.id}/vc/zoom/user-check?userId=${grace.id}`);
    // Someone else's Zoom e-mail is not the asker's to see.
    expect(ok.json()).toEqual({
      user: { id: grace.id, name: 'Grace Hopper' },
      zoomEmail: null,
      message: null,
    });
    const no = await agent.get(`/api/events/${ev.id}/vc/zoom/user-check?userId=${nobody.id}`);
    expect(no.json()).toMatchObject({
      zoomEmail: null,
      message: 'Nora Nobody has no Zoom account that this server can use.',
    });
    const r = await createZoomRoom(t, agent, ev.id, {
      name: 'Context',
      form: { hostUserId: grace.id, passcode: 'abc12345' },
    });
    const context = await agent.get(`/api/events/${ev.id}/vc/zoom/form-context?roomId=${r.roomId}`);
    expect(context.json()).toMatchObject({
      allowWebinars: false,
      passcodeLength: 10,
      users: [{ id: grace.id, name: 'Grace Hopper' }],
    });
  });

  it('lists the host’s meetings overlapping the linked time, from Zoom and from this server', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const block = await makeBlock(t.deps.db, {
      event: ev,
      start: new Date('2030-06-01T09:00:00Z'),
      durationMinutes: 120,
    });
    const talk = await makeContribution(t.deps.db, {
      event: ev,
      start: new Date('2030-06-01T10:00:00Z'),
      durationMinutes: 30,
    });
    // Grace already hosts a room here for the block, and a meeting made on zoom.us at the talk's time.
    await createZoomRoom(t, agent, ev.id, {
      name: 'Grace’s block',
      target: { type: 'block', blockId: block.id },
      form: { hostUserId: grace.id, passcode: 'abc12345' },
    });
    await (await t.app.zoom.client()).createMeeting(grace.email, {
      topic: 'Grace’s own call',
      type: 2,
      start_time: '2030-06-01T10:15:00Z',
      duration: 60,
    });
    const res = await agent.get(
      `/api/events/${ev.id}/vc/zoom/host-check?userId=${grace.id}&target=contribution&targetId=${talk.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check).toMatchObject({
      user: { id: grace.id, name: 'Grace Hopper' },
      zoomEmail: null,
      message: null,
      webinarAvailable: false,
      passcodeRules: { letter: true },
      window: { start: '2030-06-01T10:00:00.000Z', end: '2030-06-01T10:30:00.000Z' },
      warning:
        'In Zoom the same host cannot start several meetings in parallel: Grace Hopper hosts 2 other meetings at that time.',
    });
    // The room in Ada's own event is named; Grace's own Zoom meeting only counted.
    expect(check.overlaps.map((o: { source: string; topic: string }) => [o.source, o.topic])).toEqual([
      ['convene', 'Grace’s block'],
    ]);
    expect(check.otherOverlaps).toBe(1);
    expect(res.body).not.toContain('Grace’s own call');
    expect(check.overlaps[0].event).toEqual({ id: ev.id, title: ev.title });
  });

  it('answers the host check for managers who may use Zoom only', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const stranger = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db), clock());
    expect((await stranger.get(`/api/events/${ev.id}/vc/zoom/host-check`)).statusCode).toBe(403);
    const mine = await agent.get(`/api/events/${ev.id}/vc/zoom/host-check`);
    expect(mine.json()).toMatchObject({ user: { id: ada.id }, overlaps: [], warning: null });
  });
});
