import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { vcRoomLinks, vcRooms } from '../../src/server/vc/schema';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { createRoom, enableTestRooms } from '../support/vc';

/** Counts the SQL statements sent through the pool (Drizzle sends every query through pool.query). */
async function countQueries(pool: pg.Pool, run: () => Promise<unknown>): Promise<number> {
  const original = pool.query;
  let n = 0;
  const counting = function (this: pg.Pool, ...args: unknown[]) {
    n++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pool.query = counting as unknown as pg.Pool['query'];
  try {
    await run();
  } finally {
    pool.query = original;
  }
  return n;
}

const roomData = (i: number) => ({
  code: `code${i}`,
  description: '',
  passcode: 'pw',
  joinRequiresLogin: false,
  hostUserId: null,
});

describe('the cost of rooms on the display API and the management page', () => {
  const t = useTestApp();
  let manager: MadeUser;
  const small = { eventId: 0 };
  const large = { eventId: 0, blockId: 0, contributionId: 0 };

  beforeAll(async () => {
    const db = t.database.db;
    await enableTestRooms(t);
    manager = await makeUser(db);
    // One room of each kind of link.
    const smallEvent = await makeEvent(db, { creator: manager });
    const smallBlock = await makeBlock(db, { event: smallEvent });
    const smallTalk = await makeContribution(db, { block: smallBlock });
    const managerAgent = await agentFor(t.app, db, manager);
    await createRoom(managerAgent, smallEvent.id);
    await createRoom(managerAgent, smallEvent.id, { target: { type: 'block', blockId: smallBlock.id } });
    await createRoom(managerAgent, smallEvent.id, {
      target: { type: 'contribution', contributionId: smallTalk.id },
    });
    small.eventId = smallEvent.id;

    // 50 rooms: 5 on the event, one on each of 20 blocks and of 25 contributions.
    const ev = await makeEvent(db, { creator: manager });
    large.eventId = ev.id;
    const links: Array<typeof vcRoomLinks.$inferInsert> = [];
    const rooms = await db
      .insert(vcRooms)
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          provider: 'test',
          name: `Room ${i}`,
          data: roomData(i),
          createdById: manager.id,
        })),
      )
      .returning({ id: vcRooms.id });
    let r = 0;
    const next = () => rooms[r++]?.id ?? 0;
    for (let i = 0; i < 5; i++) links.push({ roomId: next(), eventId: ev.id, linkedEventId: ev.id });
    for (let s = 0; s < 20; s++) {
      const session = await makeSession(db, { event: ev, title: `Session ${s}` });
      const block = await makeBlock(db, {
        event: ev,
        session,
        start: new Date(ev.startAt.getTime() + s * 2 * 3_600_000),
        durationMinutes: 120,
      });
      links.push({ roomId: next(), eventId: ev.id, blockId: block.id });
      const count = s < 5 ? 5 : 0;
      for (let c = 0; c < count; c++) {
        const contribution = await makeContribution(db, {
          block,
          start: new Date(block.startAt.getTime() + c * 20 * 60_000),
        });
        links.push({ roomId: next(), eventId: ev.id, contributionId: contribution.id });
        if (s === 0 && c === 0) Object.assign(large, { blockId: block.id, contributionId: contribution.id });
      }
    }
    await db.insert(vcRoomLinks).values(links);
  });

  for (const who of ['an anonymous visitor', 'a manager'] as const) {
    it(`runs as many queries for an event with 50 rooms as for one with 3, for ${who}`, async () => {
      const agent = await agentFor(t.app, t.database.db, who === 'a manager' ? manager : undefined);
      let largeRooms: unknown[] = [];
      const smallCount = await countQueries(t.deps.pool, () => agent.get(`/api/events/${small.eventId}`));
      const largeCount = await countQueries(t.deps.pool, async () => {
        largeRooms = (await agent.get(`/api/events/${large.eventId}`)).json().extensions.vc.rooms;
      });
      expect(largeRooms).toHaveLength(50);
      expect(largeCount).toBe(smallCount);
    });
  }

  it('runs a fixed number of queries for the block and contribution pages', async () => {
    const agent = await agentFor(t.app, t.database.db, undefined);
    const block = await countQueries(t.deps.pool, async () => {
      const rooms = (await agent.get(`/api/events/${large.eventId}/blocks/${large.blockId}`)).json()
        .extensions.vc.rooms;
      expect(rooms).toHaveLength(6);
    });
    const contribution = await countQueries(t.deps.pool, async () => {
      const page = await agent.get(`/api/events/${large.eventId}/contributions/${large.contributionId}`);
      expect(page.json().extensions.vc.rooms).toHaveLength(2);
    });
    expect(block).toBeLessThanOrEqual(7);
    expect(contribution).toBeLessThanOrEqual(6);
  });

  it('runs as many queries for the management page of 50 rooms as for 3', async () => {
    const agent = await agentFor(t.app, t.database.db, manager);
    const smallCount = await countQueries(t.deps.pool, () => agent.get(`/api/events/${small.eventId}/vc`));
    const largeCount = await countQueries(t.deps.pool, async () => {
      expect((await agent.get(`/api/events/${large.eventId}/vc`)).json().rooms).toHaveLength(50);
    });
    expect(largeCount).toBe(smallCount);
  });
});
