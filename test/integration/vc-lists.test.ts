import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { vcRooms } from '../../src/server/vc/schema';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { attachRoomRequest, createRoom, enableTestRooms, testRooms } from '../support/vc';

interface Suggestion {
  id: number;
  name: string;
  totalLinks: number;
  linkedToThisEvent: boolean;
}

describe('suggestions, overviews and the log', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let stranger: MadeUser;
  let admin: MadeUser;
  let agent: Agent;
  let strangerAgent: Agent;
  let adminAgent: Agent;

  beforeAll(async () => {
    const db = t.database.db;
    await enableTestRooms(t);
    manager = await makeUser(db, { name: 'Manny Manager' });
    stranger = await makeUser(db);
    admin = await makeUser(db, { isAdmin: true });
    agent = await agentFor(t.app, db, manager);
    strangerAgent = await agentFor(t.app, db, stranger);
    adminAgent = await agentFor(t.app, db, admin);
  });

  const suggest = async (a: Agent, eventId: number, q: string): Promise<Suggestion[]> => {
    const res = await a.get(`/api/events/${eventId}/vc/suggestions?provider=test&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  it('applies the permission filter before the limit of 10', async () => {
    const db = t.database.db;
    // Twelve rooms the manager may not link, each used twice: without the filter first, they would fill the list.
    const foreign = await makeEvent(db, { creator: stranger });
    const foreign2 = await makeEvent(db, { creator: stranger });
    for (let i = 0; i < 12; i++) {
      const r = await createRoom(strangerAgent, foreign.id, { name: `Seminar foreign ${i}` });
      await attachRoomRequest(strangerAgent, foreign2.id, { roomId: r.roomId });
    }
    const mine = await makeEvent(db, { creator: manager });
    for (let i = 0; i < 3; i++) await createRoom(agent, mine.id, { name: `Seminar mine ${i}` });
    const target = await makeEvent(db, { creator: manager });
    const forManager = await suggest(agent, target.id, 'seminar');
    expect(forManager.map((s) => s.name).sort()).toEqual([
      'Seminar mine 0',
      'Seminar mine 1',
      'Seminar mine 2',
    ]);
    const forAdmin = await suggest(adminAgent, target.id, 'seminar');
    expect(forAdmin).toHaveLength(10);
    // Used twice, the foreign rooms come first for an administrator.
    expect(forAdmin[0]?.totalLinks).toBe(2);
  });

  it('puts an exact name first, finds a room by its provider key, and skips deleted rooms', async () => {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: manager });
    await createRoom(agent, ev.id, { name: 'Colloquium extra' });
    const exact = await createRoom(agent, ev.id, { name: 'Colloquium' });
    const dead = await createRoom(agent, ev.id, { name: 'Colloquium dead' });
    testRooms(t).reportGoneOnNextRefresh();
    await agent.post(`/api/events/${ev.id}/vc/links/${dead.linkId}/refresh`);
    const found = await suggest(agent, ev.id, 'colloquium');
    expect(found.map((s) => s.name)).toEqual(['Colloquium', 'Colloquium extra']);
    expect(found[0]).toMatchObject({ linkedToThisEvent: true, totalLinks: 1 });
    const [row] = await db.select().from(vcRooms).where(eq(vcRooms.id, exact.roomId));
    const code = (row?.data as { code: string } | undefined)?.code ?? '';
    expect((await suggest(agent, ev.id, code)).map((s) => s.id)).toEqual([exact.roomId]);
  });

  it('lets managers of any event using a room, and its host, link it elsewhere', async () => {
    const db = t.database.db;
    const owner = await makeUser(db);
    const ownerAgent = await agentFor(t.app, db, owner);
    const shared = await makeEvent(db, { creator: owner, managers: [manager] });
    const r = await createRoom(ownerAgent, shared.id, { name: 'Workshop shared' });
    const target = await makeEvent(db, { creator: manager });
    expect((await suggest(agent, target.id, 'workshop shared')).map((s) => s.id)).toEqual([r.roomId]);
    // A stranger cannot, until they host it.
    const theirs = await makeEvent(db, { creator: stranger });
    expect(await suggest(strangerAgent, theirs.id, 'workshop shared')).toEqual([]);
    expect((await attachRoomRequest(strangerAgent, theirs.id, { roomId: r.roomId })).statusCode).toBe(404);
    await db
      .update(vcRooms)
      .set({ hostKeys: [`user:${stranger.id}`] })
      .where(eq(vcRooms.id, r.roomId));
    expect((await suggest(strangerAgent, theirs.id, 'workshop shared')).map((s) => s.id)).toEqual([r.roomId]);
  });

  it('lists every room to administrators, filtered by provider and status, searched by name', async () => {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: manager, title: 'Overview event' });
    const live = await createRoom(agent, ev.id, { name: 'Overview live' });
    const dead = await createRoom(agent, ev.id, { name: 'Overview dead' });
    testRooms(t).reportGoneOnNextRefresh();
    await agent.post(`/api/events/${ev.id}/vc/links/${dead.linkId}/refresh`);
    const all = (await adminAgent.get('/api/admin/vc/rooms?q=overview')).json();
    expect(all.items.map((i: { name: string }) => i.name).sort()).toEqual(['Overview dead', 'Overview live']);
    // Other providers of the server (Zoom, in sandbox mode) are listed too.
    expect(all.providers).toContainEqual({
      name: 'test',
      displayName: 'Test rooms',
      logoUrl: '/vc/test.svg',
    });
    const liveOnly = (await adminAgent.get('/api/admin/vc/rooms?q=overview&status=created')).json();
    expect(liveOnly.items).toEqual([
      expect.objectContaining({
        id: live.roomId,
        status: 'created',
        provider: expect.objectContaining({ name: 'test' }),
        createdBy: { id: manager.id, name: 'Manny Manager' },
        events: [{ id: ev.id, title: 'Overview event', canManage: true }],
      }),
    ]);
    expect((await adminAgent.get('/api/admin/vc/rooms?q=overview&status=deleted')).json().items).toHaveLength(
      1,
    );
    expect((await adminAgent.get('/api/admin/vc/rooms?q=overview&provider=other')).json().items).toEqual([]);
  });

  it('lists "My rooms": rooms one created, hosts, or uses in an event one manages', async () => {
    const db = t.database.db;
    const me = await makeUser(db);
    const meAgent = await agentFor(t.app, db, me);
    const owner = await makeUser(db);
    const ownerAgent = await agentFor(t.app, db, owner);
    const mine = await makeEvent(db, { creator: me });
    const created = await createRoom(meAgent, mine.id, { name: 'Made by me' });
    const managedEvent = await makeEvent(db, { creator: owner, managers: [me] });
    const used = await createRoom(ownerAgent, managedEvent.id, { name: 'Used in my event' });
    const elsewhere = await makeEvent(db, { creator: owner, protectionMode: 'restricted' });
    const hosted = await createRoom(ownerAgent, elsewhere.id, { name: 'Hosted by me' });
    await db
      .update(vcRooms)
      .set({ hostKeys: [`user:${me.id}`] })
      .where(eq(vcRooms.id, hosted.roomId));
    await createRoom(ownerAgent, elsewhere.id, { name: 'Not mine' });
    const list = (await meAgent.get('/api/my/vc/rooms')).json();
    const byName = Object.fromEntries(list.items.map((i: { name: string }) => [i.name, i]));
    expect(Object.keys(byName).sort()).toEqual(['Hosted by me', 'Made by me', 'Used in my event']);
    expect(byName['Made by me'].relations).toEqual(['creator', 'host', 'manager']);
    expect(byName['Used in my event'].relations).toEqual(['manager']);
    expect(byName['Hosted by me']).toMatchObject({ relations: ['host'], events: [], hiddenEvents: 1 });
    expect(created.roomId + used.roomId).toBeGreaterThan(0);
  });

  it('logs every change to the event, without secrets', async () => {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: manager });
    const second = await makeEvent(db, { creator: manager });
    const made = await createRoom(agent, ev.id, { name: 'Logged', form: { passcode: 'Secret42' } });
    await agent.patch(`/api/events/${ev.id}/vc/links/${made.linkId}`, {
      room: { name: 'Logged', form: { description: 'd', passcode: 'Other77', joinRequiresLogin: false } },
      link: { target: { type: 'event' }, show: false, linkForm: { passcodeVisibility: 'everyone' } },
    });
    await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/refresh`);
    const attached = (await attachRoomRequest(agent, second.id, { roomId: made.roomId })).json();
    await agent.delete(`/api/events/${second.id}/vc/links/${attached.room.linkId}`);
    await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/delete-room`);
    await agent.delete(`/api/events/${ev.id}/vc/links/${made.linkId}`);
    const log = await agent.get(`/api/events/${ev.id}/log?module=vc`);
    expect(log.json().items.map((i: { summary: string; kind: string }) => `${i.kind}: ${i.summary}`)).toEqual(
      [
        'removed: Videoconference "Logged" detached from the event',
        'removed: Videoconference "Logged" deleted',
        'other: Videoconference "Logged" refreshed from Test rooms: no change',
        'changed: Videoconference "Logged" changed',
        'added: Videoconference "Logged" created (Test rooms) and linked to the event',
      ],
    );
    const edit = log.json().items[3];
    expect(edit.before).toMatchObject({ show: true, link: { passcodeVisibility: 'logged_in' } });
    expect(edit.after).toMatchObject({ show: false, link: { passcodeVisibility: 'everyone' } });
    expect(log.body).not.toContain('Secret42');
    expect(log.body).not.toContain('Other77');
    const secondLog = (await agent.get(`/api/events/${second.id}/log?module=vc`)).json().items;
    expect(secondLog.map((i: { summary: string }) => i.summary)).toEqual([
      'Videoconference "Logged" detached from the event',
      'Videoconference "Logged" attached to the event',
    ]);
  });
});
