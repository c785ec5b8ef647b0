import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { HOUR, makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the timetable', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });

  const event = () => makeEvent(t.database.db, { creator: manager });

  it('gives the event page everything in one response, with days in the event timezone', async () => {
    const ev = await makeEvent(t.database.db, {
      creator: manager,
      timezone: 'America/Los_Angeles',
      start: new Date('2030-06-01T15:00:00Z'),
      end: new Date('2030-06-03T06:00:00Z'),
    });
    const session = await makeSession(t.database.db, { event: ev, title: 'Plenary', colour: '#aa0000' });
    // 05:00 UTC on June 2nd is still June 1st in Los Angeles.
    const block = await makeBlock(t.database.db, {
      event: ev,
      session,
      start: new Date('2030-06-02T05:00:00Z'),
    });
    const inBlock = await makeContribution(t.database.db, { block, speakers: ['Ada Lovelace'] });
    const loose = await makeContribution(t.database.db, {
      event: ev,
      start: new Date('2030-06-02T16:00:00Z'),
    });
    const unscheduled = await makeContribution(t.database.db, { event: ev, start: null });

    const page = (await agent.get(`/api/events/${ev.id}`)).json();
    expect(page.event).toMatchObject({ id: ev.id, timezone: 'America/Los_Angeles', startDay: '2030-06-01' });
    expect(page.event.endDay).toBe('2030-06-02');
    expect(page.sessions).toEqual([{ id: session.id, title: 'Plenary', colour: '#aa0000', version: 1 }]);
    expect(page.blocks).toEqual([
      expect.objectContaining({
        id: block.id,
        sessionId: session.id,
        day: '2030-06-01',
        durationMinutes: 120,
      }),
    ]);
    expect(page.contributions.map((c: { id: number }) => c.id)).toEqual([
      inBlock.id,
      loose.id,
      unscheduled.id,
    ]);
    expect(page.contributions[0]).toMatchObject({
      blockId: block.id,
      sessionId: session.id,
      day: '2030-06-01',
      end: '2030-06-02T05:20:00.000Z',
      speakers: [{ name: 'Ada Lovelace', userId: null }],
    });
    expect(page.contributions[1]).toMatchObject({ blockId: null, sessionId: null, day: '2030-06-02' });
    expect(page.contributions[2]).toMatchObject({ start: null, end: null, day: null });
  });

  it('serves a contribution and a session block on their own, with the event timezone', async () => {
    const block = await makeBlock(t.database.db, { event: await event(), title: 'Morning' });
    const c = await makeContribution(t.database.db, { block });
    const contribution = (await agent.get(`/api/events/${block.eventId}/contributions/${c.id}`)).json();
    expect(contribution).toMatchObject({
      event: { id: block.eventId, timezone: 'Europe/Zurich' },
      contribution: { id: c.id, blockId: block.id },
      block: { id: block.id, title: 'Morning' },
      session: { id: block.sessionId },
    });
    const blockPage = (await agent.get(`/api/events/${block.eventId}/blocks/${block.id}`)).json();
    expect(blockPage.contributions.map((x: { id: number }) => x.id)).toEqual([c.id]);
    expect(blockPage.event.timezone).toBe('Europe/Zurich');
  });

  it('creates a contribution with speakers given as users or as names', async () => {
    const ev = await event();
    const speaker = await makeUser(t.database.db, { name: 'Grace Hopper', email: 'grace@example.org' });
    const res = await agent.post(`/api/events/${ev.id}/contributions`, {
      title: 'Compilers',
      start: iso(ev.startAt.getTime() + HOUR),
      durationMinutes: 45,
      speakers: [{ userId: speaker.id }, { name: 'Alan Turing', email: 'alan@example.org' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().speakers).toEqual([
      expect.objectContaining({ userId: speaker.id, name: 'Grace Hopper', email: 'grace@example.org' }),
      expect.objectContaining({ userId: null, name: 'Alan Turing', email: 'alan@example.org' }),
    ]);
  });

  it('moves a contribution into a block, out of it, and unschedules it', async () => {
    const block = await makeBlock(t.database.db, { event: await event() });
    const c = await makeContribution(t.database.db, { event: block.event, start: null });
    const url = `/api/events/${block.eventId}/contributions/${c.id}`;
    const into = await agent.patch(url, {
      version: 1,
      blockId: block.id,
      start: block.startAt.toISOString(),
    });
    expect(into.json()).toMatchObject({ blockId: block.id, sessionId: block.sessionId, version: 2 });
    const out = await agent.patch(url, { version: 2, blockId: null });
    expect(out.json()).toMatchObject({ blockId: null, start: block.startAt.toISOString(), version: 3 });
    await agent.patch(url, { version: 3, blockId: block.id });
    const unscheduled = await agent.patch(url, { version: 4, start: null });
    expect(unscheduled.json()).toMatchObject({ blockId: null, start: null, version: 5 });
  });

  it('moves the contributions of a block with it', async () => {
    const block = await makeBlock(t.database.db, { event: await event() });
    const c = await makeContribution(t.database.db, {
      block,
      start: new Date(block.startAt.getTime() + HOUR),
    });
    const newStart = block.startAt.getTime() + 24 * HOUR;
    const res = await agent.patch(`/api/events/${block.eventId}/blocks/${block.id}`, {
      version: 1,
      start: iso(newStart),
    });
    expect(res.json()).toMatchObject({ start: iso(newStart), version: 2 });
    const moved = (await agent.get(`/api/events/${block.eventId}/contributions/${c.id}`)).json().contribution;
    expect(moved).toMatchObject({ start: iso(newStart + HOUR), version: 2 });
  });

  it('shifts the whole timetable when the event moves and the manager asks for it', async () => {
    const ev = await event();
    const block = await makeBlock(t.database.db, { event: ev });
    const inBlock = await makeContribution(t.database.db, { block });
    const looseStart = ev.startAt.getTime() + 30 * HOUR;
    const loose = await makeContribution(t.database.db, { event: ev, start: new Date(looseStart) });
    const unscheduled = await makeContribution(t.database.db, { event: ev, start: null });
    const week = 7 * 24 * HOUR;
    const res = await agent.patch(`/api/events/${ev.id}`, {
      version: 1,
      start: iso(ev.startAt.getTime() + week),
      end: iso(ev.endAt.getTime() + week),
      shiftTimetable: true,
    });
    expect(res.statusCode).toBe(200);
    const page = (await agent.get(`/api/events/${ev.id}`)).json();
    expect(page.blocks[0].start).toBe(iso(block.startAt.getTime() + week));
    const byId = new Map(
      page.contributions.map((c: { id: number; start: string | null }) => [c.id, c.start]),
    );
    expect(byId.get(inBlock.id)).toBe(iso(block.startAt.getTime() + week));
    expect(byId.get(loose.id)).toBe(iso(looseStart + week));
    expect(byId.get(unscheduled.id)).toBeNull();
  });

  it('unschedules the contributions of a deleted block and deletes the blocks of a deleted session', async () => {
    const block = await makeBlock(t.database.db, { event: await event() });
    const c = await makeContribution(t.database.db, { block });
    const other = await makeBlock(t.database.db, { event: block.event });
    expect((await agent.delete(`/api/events/${block.eventId}/blocks/${block.id}`)).statusCode).toBe(204);
    let page = (await agent.get(`/api/events/${block.eventId}`)).json();
    expect(page.blocks.map((b: { id: number }) => b.id)).toEqual([other.id]);
    expect(page.contributions).toEqual([expect.objectContaining({ id: c.id, start: null, blockId: null })]);
    expect((await agent.delete(`/api/events/${other.eventId}/sessions/${other.sessionId}`)).statusCode).toBe(
      204,
    );
    page = (await agent.get(`/api/events/${block.eventId}`)).json();
    expect(page.sessions.map((s: { id: number }) => s.id)).not.toContain(other.sessionId);
    expect(page.blocks).toEqual([]);
  });

  it('hides a deleted contribution from the page and from its own URL', async () => {
    const c = await makeContribution(t.database.db, { event: await event() });
    expect((await agent.delete(`/api/events/${c.eventId}/contributions/${c.id}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/events/${c.eventId}`)).json().contributions).toEqual([]);
    expect((await agent.get(`/api/events/${c.eventId}/contributions/${c.id}`)).statusCode).toBe(404);
  });
});

describe('optimistic concurrency', () => {
  const t = useTestApp();
  let agent: Agent;
  let manager: MadeUser;

  beforeAll(async () => {
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });

  it('refuses an event edit made on a stale version with 409 and the current event', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    expect((await agent.patch(`/api/events/${ev.id}`, { version: 1, title: 'First' })).json().version).toBe(
      2,
    );
    const stale = await agent.patch(`/api/events/${ev.id}`, { version: 1, title: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: ev.id, title: 'First', version: 2 });
  });

  it('refuses stale edits of sessions, blocks, contributions and protection with 409 and the current item', async () => {
    const block = await makeBlock(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    const c = await makeContribution(t.database.db, { block, speakers: ['Ada'] });
    const base = `/api/events/${block.eventId}`;
    const items = [
      [`${base}/sessions/${block.sessionId}`, { title: 'S2' }, { id: block.sessionId, title: 'S2' }],
      [`${base}/blocks/${block.id}`, { title: 'B2' }, { id: block.id, title: 'B2' }],
      [
        `${base}/contributions/${c.id}`,
        { title: 'C2' },
        { id: c.id, title: 'C2', speakers: [{ name: 'Ada' }] },
      ],
    ] as const;
    for (const [url, change, current] of items) {
      expect((await agent.patch(url, { version: 1, ...change })).statusCode).toBe(200);
      const stale = await agent.patch(url, { version: 1, title: 'Lost' });
      expect(stale.statusCode, url).toBe(409);
      expect(stale.json().error.details.current).toMatchObject({ ...current, version: 2 });
    }
    const protection = await agent.put(`${base}/protection`, { version: 7, mode: 'restricted' });
    expect(protection.statusCode).toBe(409);
    expect(protection.json().error.details.current).toMatchObject({ id: block.eventId, version: 1 });
  });

  it('refuses a delete made on a stale version, and deletes with the current one', async () => {
    const c = await makeContribution(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    const url = `/api/events/${c.eventId}/contributions/${c.id}`;
    await agent.patch(url, { version: 1, title: 'Edited' });
    expect((await agent.delete(`${url}?version=1`)).statusCode).toBe(409);
    expect((await agent.delete(`${url}?version=2`)).statusCode).toBe(204);
  });

  it('keeps the version when an edit changes nothing', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager, title: 'Same' });
    const res = await agent.patch(`/api/events/${ev.id}`, { version: 1, title: 'Same' });
    expect(res.json().version).toBe(1);
  });
});
