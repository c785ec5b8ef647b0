import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { createRoom, enableTestRooms, testRooms } from '../support/vc';

interface DisplayRoom {
  linkId: number;
  roomId: number;
  name: string;
  status: string;
  hidden: boolean;
  target: { type: string; title: string; start?: string; end?: string };
  details: {
    joinPath: string | null;
    loginRequired: boolean;
    joinHint: string | null;
    items: Array<{ label: string; value: string }>;
    sections: unknown[];
  };
}

const roomsOf = (body: { extensions: { vc: { rooms: DisplayRoom[] } } }) => body.extensions.vc.rooms;

describe('rooms on the event pages and the join route', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let participant: MadeUser;
  let managerAgent: Agent;
  let anonymous: Agent;
  let participantAgent: Agent;

  beforeAll(async () => {
    const db = t.database.db;
    await enableTestRooms(t);
    manager = await makeUser(db);
    participant = await makeUser(db);
    managerAgent = await agentFor(t.app, db, manager);
    participantAgent = await agentFor(t.app, db, participant);
    anonymous = await agentFor(t.app, db, undefined);
  });

  async function eventWithRooms(protectionMode: 'public' | 'logged_in' | 'restricted' = 'public') {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: manager, protectionMode, allowedUsers: [participant] });
    const block = await makeBlock(db, { event: ev, title: 'Afternoon' });
    const talk = await makeContribution(db, { block, title: 'Keynote' });
    const main = await createRoom(managerAgent, ev.id, {
      name: 'Main room',
      form: { passcode: 'sesame1' },
      linkForm: { passcodeVisibility: 'logged_in' },
    });
    const secret = await createRoom(managerAgent, ev.id, {
      name: 'Backstage',
      show: false,
      form: { passcode: 'hidden9' },
    });
    const talkRoom = await createRoom(managerAgent, ev.id, {
      name: 'Keynote room',
      target: { type: 'contribution', contributionId: talk.id },
      form: { passcode: 'nobody1' },
      linkForm: { passcodeVisibility: 'no_one' },
    });
    const blockRoom = await createRoom(managerAgent, ev.id, {
      name: 'Afternoon room',
      target: { type: 'block', blockId: block.id },
      linkForm: { passcodeVisibility: 'everyone' },
    });
    return { ev, block, talk, main, secret, talkRoom, blockRoom };
  }

  it('shows participants the shown rooms with what their login lets them see, and never a hidden passcode', async () => {
    const { ev } = await eventWithRooms();
    const res = await anonymous.get(`/api/events/${ev.id}`);
    expect(res.statusCode).toBe(200);
    const rooms = roomsOf(res.json());
    expect(rooms.map((r) => r.name)).toEqual(['Main room', 'Afternoon room', 'Keynote room']);
    expect(res.body).not.toContain('sesame1');
    expect(res.body).not.toContain('hidden9');
    expect(res.body).not.toContain('nobody1');
    expect(res.body).not.toContain('For organisers');
    const main = rooms[0];
    expect(main?.details.joinHint).toBe('Log in to see the passcode, or ask the organisers for it.');
    expect(main?.details.joinPath).toBe(`/event/${ev.id}/vc/${main?.roomId}/join`);

    const loggedIn = await participantAgent.get(`/api/events/${ev.id}`);
    expect(loggedIn.body).toContain('sesame1');
    expect(loggedIn.body).not.toContain('nobody1');
    expect(loggedIn.body).not.toContain('hidden9');
  });

  it('lists hidden rooms to managers only, marked hidden, with every detail', async () => {
    const { ev } = await eventWithRooms();
    const rooms = roomsOf((await managerAgent.get(`/api/events/${ev.id}`)).json());
    expect(rooms.find((r) => r.name === 'Backstage')).toMatchObject({ hidden: true, status: 'created' });
    const keynote = rooms.find((r) => r.name === 'Keynote room');
    expect(keynote?.details.items.map((i) => i.value)).toContain('nobody1');
    expect(keynote?.details.sections).toHaveLength(1);
  });

  it('puts contribution and block rooms beside them, with the block’s date and time, on their own pages too', async () => {
    const { ev, block, talk } = await eventWithRooms();
    const rooms = roomsOf((await anonymous.get(`/api/events/${ev.id}`)).json());
    expect(rooms.find((r) => r.name === 'Afternoon room')?.target).toEqual({
      type: 'block',
      id: block.id,
      title: 'Morning session: Afternoon',
      sessionTitle: 'Morning session',
      start: block.startAt.toISOString(),
      end: new Date(block.startAt.getTime() + 120 * 60_000).toISOString(),
    });
    const contributionPage = roomsOf(
      (await anonymous.get(`/api/events/${ev.id}/contributions/${talk.id}`)).json(),
    );
    expect(contributionPage.map((r) => r.name)).toEqual(['Afternoon room', 'Keynote room']);
    const blockPage = roomsOf((await anonymous.get(`/api/events/${ev.id}/blocks/${block.id}`)).json());
    expect(blockPage.map((r) => r.name)).toEqual(['Afternoon room', 'Keynote room']);
  });

  it('hides deleted rooms from participants and shows them to managers as deleted', async () => {
    const { ev, main } = await eventWithRooms();
    testRooms(t).reportGoneOnNextRefresh();
    const refreshed = await managerAgent.post(`/api/events/${ev.id}/vc/links/${main.linkId}/refresh`);
    expect(refreshed.json().room.status).toBe('deleted');
    expect(roomsOf((await anonymous.get(`/api/events/${ev.id}`)).json()).map((r) => r.name)).not.toContain(
      'Main room',
    );
    const forManager = roomsOf((await managerAgent.get(`/api/events/${ev.id}`)).json());
    expect(forManager.find((r) => r.name === 'Main room')).toMatchObject({
      status: 'deleted',
      details: { joinPath: null },
    });
    expect((await anonymous.get(`/event/${ev.id}/vc/${main.roomId}/join`)).statusCode).toBe(404);
  });

  it('redirects Join to the URL the viewer may have, with the passcode only when they may see it', async () => {
    const { ev, main } = await eventWithRooms();
    const anon = await anonymous.get(`/event/${ev.id}/vc/${main.roomId}/join`);
    expect(anon.statusCode).toBe(302);
    expect(anon.headers.location).toMatch(/\/vc\/test-rooms\/[0-9a-f]+$/);
    expect(anon.headers['cache-control']).toBe('no-store');
    const logged = await participantAgent.get(`/event/${ev.id}/vc/${main.roomId}/join`);
    expect(logged.headers.location).toMatch(/\?pwd=sesame1$/);
  });

  it('answers Join with 404 to those who may not see the room, exactly as for a missing one', async () => {
    const { ev, secret } = await eventWithRooms();
    const missing = await anonymous.get(`/event/${ev.id}/vc/999999/join`);
    const hidden = await anonymous.get(`/event/${ev.id}/vc/${secret.roomId}/join`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await managerAgent.get(`/event/${ev.id}/vc/${secret.roomId}/join`)).statusCode).toBe(302);
    const other = await makeEvent(t.database.db, { creator: manager });
    expect((await anonymous.get(`/event/${other.id}/vc/${secret.roomId}/join`)).statusCode).toBe(404);

    const restricted = await eventWithRooms('restricted');
    const stranger = await agentFor(t.app, t.database.db, await makeUser(t.database.db));
    expect(
      (await stranger.get(`/event/${restricted.ev.id}/vc/${restricted.main.roomId}/join`)).statusCode,
    ).toBe(404);
    expect(
      (await participantAgent.get(`/event/${restricted.ev.id}/vc/${restricted.main.roomId}/join`)).statusCode,
    ).toBe(302);
  });

  it('sends anonymous visitors to the login page when the event or the provider needs a login', async () => {
    const { ev, main } = await eventWithRooms('logged_in');
    const res = await anonymous.get(`/event/${ev.id}/vc/${main.roomId}/join`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(
      `/login?next=${encodeURIComponent(`/event/${ev.id}/vc/${main.roomId}/join`)}`,
    );

    const open = await makeEvent(t.database.db, { creator: manager });
    const locked = await createRoom(managerAgent, open.id, { form: { joinRequiresLogin: true } });
    const page = roomsOf((await anonymous.get(`/api/events/${open.id}`)).json());
    expect(page[0]?.details).toMatchObject({
      loginRequired: true,
      joinHint: 'Log in to join this videoconference.',
    });
    expect(page[0]?.details.items.map((i) => i.label)).not.toContain('Link');
    const join = await anonymous.get(`/event/${open.id}/vc/${locked.roomId}/join`);
    expect(join.headers.location).toBe(
      `/login?next=${encodeURIComponent(`/event/${open.id}/vc/${locked.roomId}/join`)}`,
    );
    expect((await participantAgent.get(`/event/${open.id}/vc/${locked.roomId}/join`)).statusCode).toBe(302);
  });

  it('serves the test room’s join page, which asks for a passcode it was not given', async () => {
    const { ev, main } = await eventWithRooms();
    const anon = await anonymous.get(`/event/${ev.id}/vc/${main.roomId}/join`);
    const path = new URL(anon.headers.location as string).pathname;
    const page = await anonymous.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('needs its passcode');
    const joined = await anonymous.get(`${path}?pwd=sesame1`);
    expect(joined.body).toContain('You have joined this test room.');
    expect((await anonymous.get('/vc/test-rooms/nope')).statusCode).toBe(404);
  });
});
