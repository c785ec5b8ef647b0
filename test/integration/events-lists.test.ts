import { beforeAll, describe, expect, it } from 'vitest';
import { fakeClock, useTestApp } from '../support/app';
import { HOUR, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

const DAY = 24 * HOUR;

describe('event lists and search', () => {
  // A clock that stands still (at the real now: test sessions are created with the real time).
  const clock = fakeClock(new Date());
  const t = useTestApp({ clock });
  let owner: MadeUser;
  let stranger: MadeUser;
  let allowed: MadeUser;
  let admin: MadeUser;
  const ids: Record<string, number> = {};

  const titles = (res: { json(): { items: Array<{ title: string }> } }) =>
    res.json().items.map((i) => i.title);

  beforeAll(async () => {
    const db = t.database.db;
    owner = await makeUser(db);
    stranger = await makeUser(db);
    allowed = await makeUser(db);
    admin = await makeUser(db, { isAdmin: true });
    const now = clock().getTime();
    const make = async (title: string, startOffset: number, extra: Parameters<typeof makeEvent>[1] = {}) => {
      const start = new Date(now + startOffset);
      const ev = await makeEvent(db, {
        creator: owner,
        title,
        start,
        end: new Date(start.getTime() + 8 * HOUR),
        ...extra,
      });
      ids[title] = ev.id;
    };
    await make('Past Physics Workshop', -30 * DAY);
    await make('Ongoing Chemistry Day', -2 * HOUR);
    await make('Future Physics School', 10 * DAY);
    await make('Members-only Physics Retreat', 20 * DAY, { protectionMode: 'logged_in' });
    await make('Secret Physics Board', 5 * DAY, { protectionMode: 'restricted', allowedUsers: [allowed] });
    await make('100% Physics', 40 * DAY);
    await make('Deleted Physics Party', 3 * DAY);
    await (await agentFor(t.app, db, owner)).delete(`/api/events/${ids['Deleted Physics Party']}`);
  });

  it('lists upcoming events an anonymous visitor may see, soonest first, ongoing ones included', async () => {
    const res = await (await agentFor(t.app, t.database.db, undefined)).get('/api/events?upcoming');
    expect(titles(res)).toEqual(['Ongoing Chemistry Day', 'Future Physics School', '100% Physics']);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(res.json().items[0]).toMatchObject({ timezone: 'Europe/Zurich', can: { manage: false } });
  });

  it('adds logged-in-only events for users, and restricted ones for those allowed, managers and admins', async () => {
    const strangerList = await (await agentFor(t.app, t.database.db, stranger)).get(
      '/api/events?upcoming=true',
    );
    expect(titles(strangerList)).toEqual([
      'Ongoing Chemistry Day',
      'Future Physics School',
      'Members-only Physics Retreat',
      '100% Physics',
    ]);
    for (const user of [allowed, owner, admin]) {
      const list = await (await agentFor(t.app, t.database.db, user)).get('/api/events?upcoming=1');
      expect(titles(list)).toContain('Secret Physics Board');
      expect(titles(list)).not.toContain('Deleted Physics Party');
    }
    const ownerList = await (await agentFor(t.app, t.database.db, owner)).get('/api/events?upcoming');
    expect(ownerList.json().items.every((i: { can: { manage: boolean } }) => i.can.manage)).toBe(true);
  });

  it('searches titles case-insensitively, past events too unless upcoming is asked', async () => {
    const agent = await agentFor(t.app, t.database.db, stranger);
    expect(titles(await agent.get('/api/events?q=PHYSICS'))).toEqual([
      '100% Physics',
      'Members-only Physics Retreat',
      'Future Physics School',
      'Past Physics Workshop',
    ]);
    expect(titles(await agent.get('/api/events?q=physics&upcoming'))).toEqual([
      'Future Physics School',
      'Members-only Physics Retreat',
      '100% Physics',
    ]);
    // % is a character to find, not a wildcard.
    expect(titles(await agent.get(`/api/events?q=${encodeURIComponent('100%')}`))).toEqual(['100% Physics']);
    expect(titles(await agent.get(`/api/events?q=${encodeURIComponent('%')}`))).toEqual(['100% Physics']);
  });

  it('pages through the list', async () => {
    const agent = await agentFor(t.app, t.database.db, admin);
    const page2 = await agent.get('/api/events?page=2');
    expect(page2.json()).toMatchObject({ page: 2, total: 6, items: [] });
  });

  it('lists the events I manage, and whether I may create one', async () => {
    const mine = await (await agentFor(t.app, t.database.db, owner)).get('/api/my/events');
    expect(mine.json().total).toBe(6);
    expect(mine.json().can).toEqual({ create: true });
    const none = await (await agentFor(t.app, t.database.db, stranger)).get('/api/my/events');
    expect(none.json()).toMatchObject({ items: [], total: 0, can: { create: true } });
    expect((await (await agentFor(t.app, t.database.db, undefined)).get('/api/my/events')).statusCode).toBe(
      401,
    );
  });

  it('lets an admin restrict who may create events', async () => {
    const adminAgent = await agentFor(t.app, t.database.db, admin);
    const body = {
      title: 'New',
      start: '2030-03-01T09:00:00Z',
      end: '2030-03-01T17:00:00Z',
      timezone: 'UTC',
    };
    const unknown = await adminAgent.put('/api/admin/events/creators', {
      restricted: true,
      userIds: [987_654],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('userIds');
    const set = await adminAgent.put('/api/admin/events/creators', {
      restricted: true,
      userIds: [allowed.id],
    });
    expect(set.json()).toEqual({
      restricted: true,
      users: [{ id: allowed.id, name: allowed.name, email: allowed.email }],
    });
    try {
      const strangerAgent = await agentFor(t.app, t.database.db, stranger);
      expect((await strangerAgent.post('/api/events', body)).statusCode).toBe(403);
      expect((await strangerAgent.get('/api/my/events')).json().can).toEqual({ create: false });
      expect(
        (await (await agentFor(t.app, t.database.db, allowed)).post('/api/events', body)).statusCode,
      ).toBe(201);
      expect((await adminAgent.post('/api/events', body)).statusCode).toBe(201);
    } finally {
      await adminAgent.put('/api/admin/events/creators', { restricted: false, userIds: [] });
    }
    expect((await adminAgent.get('/api/admin/events/creators')).json()).toEqual({
      restricted: false,
      users: [],
    });
  });
});
