import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { attachRoomRequest, createRoom, createRoomRequest, enableTestRooms } from '../support/vc';

type Who = 'anonymous' | 'logged-in' | 'manager' | 'other-event manager' | 'admin';
const WHO: Who[] = ['anonymous', 'logged-in', 'manager', 'other-event manager', 'admin'];

interface Fixture {
  eventId: number;
  linkId: number;
  contributionId: number;
  blockId: number;
  /** A room of another event, that the event's managers (and admins) may attach. */
  otherRoomId: number;
}

interface Route {
  name: string;
  ok: number;
  call(agent: Agent, f: Fixture): ReturnType<Agent['get']>;
}

const vc = (f: Fixture) => `/api/events/${f.eventId}/vc`;
const link = (f: Fixture) => `${vc(f)}/links/${f.linkId}`;

const ROUTES: Route[] = [
  { name: 'GET the management list', ok: 200, call: (a, f) => a.get(vc(f)) },
  { name: 'GET the link targets', ok: 200, call: (a, f) => a.get(`${vc(f)}/targets`) },
  { name: 'GET the create form', ok: 200, call: (a, f) => a.get(`${vc(f)}/providers/test/form`) },
  {
    name: 'POST create',
    ok: 201,
    call: (a, f) => createRoomRequest(a, f.eventId, { target: { type: 'block', blockId: f.blockId } }),
  },
  {
    name: 'POST attach',
    ok: 201,
    call: (a, f) => attachRoomRequest(a, f.eventId, { roomId: f.otherRoomId }),
  },
  { name: 'GET suggestions', ok: 200, call: (a, f) => a.get(`${vc(f)}/suggestions?provider=test&q=room`) },
  { name: 'GET a link', ok: 200, call: (a, f) => a.get(link(f)) },
  { name: 'GET the edit form', ok: 200, call: (a, f) => a.get(`${link(f)}/form`) },
  {
    name: 'PATCH edit',
    ok: 200,
    call: (a, f) =>
      a.patch(link(f), {
        room: { name: 'Renamed room', form: {} },
        link: {
          target: { type: 'contribution', contributionId: f.contributionId },
          show: true,
          linkForm: {},
        },
      }),
  },
  { name: 'POST refresh', ok: 200, call: (a, f) => a.post(`${link(f)}/refresh`) },
  { name: 'POST a provider action', ok: 200, call: (a, f) => a.post(`${link(f)}/actions/take-host`) },
  { name: 'DELETE detach', ok: 200, call: (a, f) => a.delete(link(f)) },
  { name: 'POST delete the room', ok: 200, call: (a, f) => a.post(`${link(f)}/delete-room`) },
];

const EXPECTED: Record<Who, number | 'ok'> = {
  anonymous: 401,
  'logged-in': 403,
  manager: 'ok',
  'other-event manager': 403,
  admin: 'ok',
};

describe('who may use the videoconference routes', () => {
  const t = useTestApp();
  const users = {} as Record<Who, MadeUser | undefined> & { coManager: MadeUser };
  let otherEventId = 0;

  beforeAll(async () => {
    const db = t.database.db;
    await enableTestRooms(t);
    users.anonymous = undefined;
    users['logged-in'] = await makeUser(db);
    users.manager = await makeUser(db);
    users['other-event manager'] = await makeUser(db);
    users.admin = await makeUser(db, { isAdmin: true });
    users.coManager = await makeUser(db);
    const other = await makeEvent(db, { creator: users['other-event manager'] });
    otherEventId = other.id;
  });

  /** A public event managed by `manager` and a co-manager, with a room the co-manager created (and hosts). */
  async function fixture(): Promise<Fixture> {
    const db = t.database.db;
    const manager = users.manager as MadeUser;
    const ev = await makeEvent(db, { creator: manager, managers: [users.coManager], title: 'Guarded event' });
    const contribution = await makeContribution(db, { event: ev });
    const block = await makeBlock(db, { event: ev });
    const co = await agentFor(t.app, db, users.coManager);
    const { linkId } = await createRoom(co, ev.id, { name: 'Guarded room' });
    const mine = await makeEvent(db, { creator: manager });
    const { roomId: otherRoomId } = await createRoom(await agentFor(t.app, db, manager), mine.id, {
      name: 'Other room',
    });
    return { eventId: ev.id, linkId, contributionId: contribution.id, blockId: block.id, otherRoomId };
  }

  for (const route of ROUTES) {
    for (const who of WHO) {
      const expected = EXPECTED[who] === 'ok' ? route.ok : EXPECTED[who];
      it(`${route.name}: ${who} gets ${expected}`, async () => {
        const f = await fixture();
        const agent = await agentFor(t.app, t.database.db, users[who]);
        const res = await route.call(agent, f);
        expect(res.statusCode, res.body).toBe(expected);
      });
    }
  }

  it('answers 404, as for a missing link, to a manager who reaches another event’s link through their own event', async () => {
    const f = await fixture();
    const agent = await agentFor(t.app, t.database.db, users['other-event manager']);
    const through = { ...f, eventId: otherEventId };
    const linkRoutes = ROUTES.filter((r) => r.call.toString().includes('link(f)'));
    expect(linkRoutes).toHaveLength(7);
    for (const route of linkRoutes) {
      const res = await route.call(agent, through);
      expect(res.statusCode, `${route.name}: ${res.body}`).toBe(404);
    }
  });

  it('answers 404 to logged-in strangers of a restricted event, as for a missing event', async () => {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: users.manager, protectionMode: 'restricted' });
    const agent = await agentFor(t.app, db, users['logged-in']);
    expect((await agent.get(`/api/events/${ev.id}/vc`)).statusCode).toBe(404);
    expect((await createRoomRequest(agent, ev.id)).statusCode).toBe(404);
  });

  it('lets only administrators list every room, and every logged-in user list their own', async () => {
    for (const who of WHO) {
      const agent = await agentFor(t.app, t.database.db, users[who]);
      const all = await agent.get('/api/admin/vc/rooms');
      expect(all.statusCode).toBe(who === 'admin' ? 200 : who === 'anonymous' ? 401 : 403);
      const mine = await agent.get('/api/my/vc/rooms');
      expect(mine.statusCode).toBe(who === 'anonymous' ? 401 : 200);
    }
  });

  it('lets only administrators read and change the Test rooms setting', async () => {
    for (const who of WHO) {
      const agent = await agentFor(t.app, t.database.db, users[who]);
      const res = await agent.get('/api/admin/vc/providers/test/settings');
      expect(res.statusCode).toBe(who === 'admin' ? 200 : who === 'anonymous' ? 401 : 403);
    }
  });

  it('hides a disabled provider: its form is 404 and creating with it is 404', async () => {
    const f = await fixture();
    const agent = await agentFor(t.app, t.database.db, users.manager);
    await enableTestRooms(t, false);
    try {
      expect((await agent.get(`/api/events/${f.eventId}/vc/providers/test/form`)).statusCode).toBe(404);
      expect((await createRoomRequest(agent, f.eventId)).statusCode).toBe(404);
      const list = (await agent.get(`/api/events/${f.eventId}/vc`)).json();
      // Only Test rooms is gone: other providers (Zoom, in sandbox mode) stay offered.
      expect(list.providers.map((p: { name: string }) => p.name)).not.toContain('test');
      // Its rooms stay listed, unavailable: they can only be detached.
      expect(list.rooms[0]).toMatchObject({
        providerAvailable: false,
        can: { edit: false, refresh: false, delete: false, detach: true, join: false },
      });
    } finally {
      await enableTestRooms(t, true);
    }
  });
});
