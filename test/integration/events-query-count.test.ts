import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

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

describe('the cost of the display API', () => {
  const t = useTestApp();
  let manager: MadeUser;
  const small = { eventId: 0, blockId: 0 };
  const large = { eventId: 0, blockId: 0 };

  beforeAll(async () => {
    const db = t.database.db;
    manager = await makeUser(db);
    const speaker = await makeUser(db);

    const smallEvent = await makeEvent(db, { creator: manager });
    const smallBlock = await makeBlock(db, { event: smallEvent });
    for (let i = 0; i < 3; i++) {
      await makeContribution(db, {
        block: smallBlock,
        start: new Date(smallBlock.startAt.getTime() + i * 20 * 60_000),
      });
    }
    Object.assign(small, { eventId: smallEvent.id, blockId: smallBlock.id });

    // 300 contributions in 20 sessions (one block each, 15 contributions a block), two speakers each.
    const largeEvent = await makeEvent(db, { creator: manager });
    for (let s = 0; s < 20; s++) {
      const session = await makeSession(db, { event: largeEvent, title: `Session ${s}` });
      const block = await makeBlock(db, {
        event: largeEvent,
        session,
        start: new Date(largeEvent.startAt.getTime() + s * 2 * 3_600_000),
        durationMinutes: 120,
      });
      if (s === 0) Object.assign(large, { eventId: largeEvent.id, blockId: block.id });
      for (let c = 0; c < 15; c++) {
        await makeContribution(db, {
          block,
          start: new Date(block.startAt.getTime() + c * 8 * 60_000),
          durationMinutes: 8,
          speakers: [speaker, `Guest ${s}.${c}`],
        });
      }
    }
  });

  for (const who of ['an anonymous visitor', 'a manager'] as const) {
    it(`runs as many queries for an event of 300 contributions as for one of 3, for ${who}`, async () => {
      const agent: Agent = await agentFor(t.app, t.database.db, who === 'a manager' ? manager : undefined);
      const pool = t.deps.pool;
      let smallPage: { contributions: unknown[] } = { contributions: [] };
      let largePage: { contributions: unknown[]; sessions: unknown[] } = { contributions: [], sessions: [] };
      const smallCount = await countQueries(pool, async () => {
        smallPage = (await agent.get(`/api/events/${small.eventId}`)).json();
      });
      const largeCount = await countQueries(pool, async () => {
        largePage = (await agent.get(`/api/events/${large.eventId}`)).json();
      });
      expect(smallPage.contributions).toHaveLength(3);
      expect(largePage.contributions).toHaveLength(300);
      expect(largePage.sessions).toHaveLength(20);
      expect(largeCount).toBe(smallCount);
      // The session look-up (when logged in), the access check, then sessions, blocks, contributions, speakers,
      // and the videoconference display extension's three (one "is it enabled" per provider: Test rooms and
      // Zoom; then the rooms).
      expect(largeCount).toBe(who === 'a manager' ? 9 : 8);
    });
  }

  it('runs as many queries for a block of 15 contributions as for a block of 3, and for a contribution', async () => {
    const agent = await agentFor(t.app, t.database.db, manager);
    const pool = t.deps.pool;
    const smallBlock = await countQueries(pool, () =>
      agent.get(`/api/events/${small.eventId}/blocks/${small.blockId}`),
    );
    const largeBlock = await countQueries(pool, () =>
      agent.get(`/api/events/${large.eventId}/blocks/${large.blockId}`),
    );
    expect(largeBlock).toBe(smallBlock);
    const page = (await agent.get(`/api/events/${large.eventId}`)).json();
    const contributionCount = await countQueries(pool, () =>
      agent.get(`/api/events/${large.eventId}/contributions/${page.contributions[0].id}`),
    );
    expect(smallBlock).toBeGreaterThan(0);
    // Three of them are the videoconference display extension's (one per provider, then the rooms).
    expect(contributionCount).toBeLessThanOrEqual(7);
  });
});
