import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CloneStepContext } from '../../src/server/events/clone-steps';
import { writeEventLog } from '../../src/server/events/log';
import { events } from '../../src/server/events/schema';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { HOUR, makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

const DAY = 24 * HOUR;

describe('cloning an event', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let coManager: MadeUser;
  let allowed: MadeUser;
  let agent: Agent;
  const cleanup: Array<() => void> = [];

  beforeAll(async () => {
    manager = await makeUser(t.database.db);
    coManager = await makeUser(t.database.db);
    allowed = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });

  afterEach(() => {
    for (const off of cleanup.splice(0)) off();
  });

  /** A restricted event with a co-manager, an allowed user, and one contribution in a block and one outside. */
  async function source() {
    const db = t.database.db;
    const ev = await makeEvent(db, {
      creator: coManager,
      managers: [manager],
      allowedUsers: [allowed],
      protectionMode: 'restricted',
      title: 'Annual meeting 2030',
    });
    const session = await makeSession(db, { event: ev, title: 'Talks', colour: '#112233' });
    const block = await makeBlock(db, { event: ev, session, title: 'Morning' });
    const inBlock = await makeContribution(db, { block, title: 'Keynote', speakers: ['Ada', allowed] });
    const loose = await makeContribution(db, {
      event: ev,
      title: 'Poster',
      start: new Date(ev.startAt.getTime() + 26 * HOUR),
    });
    const unscheduled = await makeContribution(db, { event: ev, title: 'Maybe', start: null });
    return { ev, session, block, inBlock, loose, unscheduled };
  }

  async function clone(eventId: number, body: Record<string, unknown>) {
    const res = await agent.post(`/api/events/${eventId}/clone`, body);
    expect(res.statusCode, res.body).toBe(201);
    const id: number = res.json().id;
    const notices: string[] = res.json().notices;
    const page = (await agent.get(`/api/events/${id}`)).json();
    const protection = (await agent.get(`/api/events/${id}/protection`)).json();
    return { id, notices, page, protection };
  }

  it('lists the core options and the steps modules registered', async () => {
    cleanup.push(
      t.app.eventExtensions.cloneSteps.register({
        id: 'test-rooms',
        label: 'Test rooms',
        defaultOn: true,
        isAvailable: ({ source: ev }) => ev.title.includes('2030'),
        run: async () => undefined,
      }),
    );
    const { ev } = await source();
    const res = await agent.get(`/api/events/${ev.id}/clone-options`);
    expect(res.json().options).toEqual([
      expect.objectContaining({ id: 'timetable', core: true, available: true, defaultOn: true }),
      expect.objectContaining({ id: 'managers', core: true }),
      expect.objectContaining({ id: 'protection', core: true }),
      // The videoconference module's own step (not available: this event has no rooms).
      expect.objectContaining({ id: 'vc', core: false, available: false }),
      { id: 'test-rooms', label: 'Test rooms', defaultOn: true, available: true, core: false },
    ]);
  });

  it('copies everything by default, moving every time by the new start', async () => {
    const s = await source();
    const newStart = s.ev.startAt.getTime() + 365 * DAY;
    const { page, protection } = await clone(s.ev.id, { startDate: new Date(newStart).toISOString() });
    expect(page.event).toMatchObject({
      title: 'Annual meeting 2030',
      start: new Date(newStart).toISOString(),
      end: new Date(s.ev.endAt.getTime() + 365 * DAY).toISOString(),
      timezone: 'Europe/Zurich',
      protectionMode: 'restricted',
      version: 1,
    });
    expect(page.sessions).toEqual([expect.objectContaining({ title: 'Talks', colour: '#112233' })]);
    expect(page.sessions[0].id).not.toBe(s.session.id);
    expect(page.blocks).toEqual([
      expect.objectContaining({
        title: 'Morning',
        sessionId: page.sessions[0].id,
        start: new Date(s.block.startAt.getTime() + 365 * DAY).toISOString(),
      }),
    ]);
    const byTitle = Object.fromEntries(page.contributions.map((c: { title: string }) => [c.title, c]));
    expect(byTitle.Keynote).toMatchObject({
      blockId: page.blocks[0].id,
      speakers: [{ name: 'Ada' }, { name: allowed.name, userId: allowed.id }],
    });
    expect(byTitle.Poster.start).toBe(new Date((s.loose.startAt?.getTime() ?? 0) + 365 * DAY).toISOString());
    expect(byTitle.Maybe.start).toBeNull();
    expect(protection.managers.map((m: { id: number }) => m.id).sort()).toEqual(
      [manager.id, coManager.id].sort(),
    );
    expect(protection.allowedUsers.map((m: { id: number }) => m.id)).toEqual([allowed.id]);
  });

  it('leaves out what the manager switched off, and takes the new title', async () => {
    const s = await source();
    const { page, protection } = await clone(s.ev.id, {
      startDate: '2031-01-10T09:00:00Z',
      title: 'Annual meeting 2031',
      options: { timetable: false, managers: false, protection: false },
    });
    expect(page.event).toMatchObject({ title: 'Annual meeting 2031', protectionMode: 'public' });
    expect([page.sessions, page.blocks, page.contributions]).toEqual([[], [], []]);
    // The one who clones always manages the clone.
    expect(protection.managers.map((m: { id: number }) => m.id)).toEqual([manager.id]);
    expect(protection.allowedUsers).toEqual([]);
  });

  it('runs a registered step inside the clone transaction with the id maps and options', async () => {
    const runs: CloneStepContext[] = [];
    cleanup.push(
      t.app.eventExtensions.cloneSteps.register({
        id: 'test-rooms',
        label: 'Test rooms',
        defaultOn: true,
        isAvailable: () => true,
        run: async (ctx) => {
          runs.push(ctx);
          const [visible] = await ctx.tx.select().from(events).where(eq(events.id, ctx.event.id));
          expect(visible?.id).toBe(ctx.event.id);
          await writeEventLog(ctx.tx, {
            eventId: ctx.event.id,
            actorId: ctx.actor.id,
            at: ctx.at,
            module: 'vc',
            kind: 'added',
            summary: 'Rooms cloned',
          });
          return { notices: ['1 room cloned'] };
        },
      }),
    );
    const cloned: number[] = [];
    cleanup.push(
      t.app.eventExtensions.hooks.on(
        'eventCloned',
        'test',
        ({ event, source: src }) => void cloned.push(event.id, src.id),
      ),
    );
    const s = await source();
    const { id, notices } = await clone(s.ev.id, {
      startDate: new Date(s.ev.startAt.getTime() + 7 * DAY).toISOString(),
    });
    expect(notices).toEqual(['1 room cloned']);
    expect(runs).toHaveLength(1);
    const ctx = runs[0];
    expect(ctx?.source.id).toBe(s.ev.id);
    expect(ctx?.event.id).toBe(id);
    expect(ctx?.shiftMs).toBe(7 * DAY);
    expect(ctx?.options).toEqual({
      timetable: true,
      managers: true,
      protection: true,
      vc: false,
      'test-rooms': true,
    });
    expect(ctx?.actor.id).toBe(manager.id);
    const page = (await agent.get(`/api/events/${id}`)).json();
    const keynote = page.contributions.find((c: { title: string }) => c.title === 'Keynote');
    expect(ctx?.idMaps.contributions.get(s.inBlock.id)).toBe(keynote.id);
    expect(ctx?.idMaps.blocks.get(s.block.id)).toBe(page.blocks[0].id);
    expect(ctx?.idMaps.sessions.get(s.session.id)).toBe(page.sessions[0].id);
    expect(cloned).toEqual([id, s.ev.id]);
    const log = (await agent.get(`/api/events/${id}/log?module=vc`)).json();
    expect(log.items.map((e: { summary: string }) => e.summary)).toEqual(['Rooms cloned']);
  });

  it('skips a step switched off, and refuses a step that is not available for this event', async () => {
    let ran = 0;
    cleanup.push(
      t.app.eventExtensions.cloneSteps.register({
        id: 'test-rooms',
        label: 'Test rooms',
        defaultOn: false,
        isAvailable: ({ source: ev }) => ev.title !== 'No rooms here',
        run: async () => {
          ran++;
          return undefined;
        },
      }),
    );
    const s = await source();
    await clone(s.ev.id, { startDate: '2031-01-10T09:00:00Z' });
    expect(ran).toBe(0);
    await clone(s.ev.id, { startDate: '2031-01-10T09:00:00Z', options: { 'test-rooms': true } });
    expect(ran).toBe(1);
    const bare = await makeEvent(t.database.db, { creator: manager, title: 'No rooms here' });
    const res = await agent.post(`/api/events/${bare.id}/clone`, {
      startDate: '2031-01-10T09:00:00Z',
      options: { 'test-rooms': true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'options.test-rooms', message: 'is not available for this event' },
    ]);
  });

  it('creates nothing when a step fails', async () => {
    cleanup.push(
      t.app.eventExtensions.cloneSteps.register({
        id: 'test-rooms',
        label: 'Test rooms',
        defaultOn: true,
        isAvailable: () => true,
        run: async () => {
          throw new Error('provider down');
        },
      }),
    );
    const s = await source();
    const before = await t.database.db.select({ id: events.id }).from(events);
    const res = await agent.post(`/api/events/${s.ev.id}/clone`, { startDate: '2031-01-10T09:00:00Z' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).not.toMatch(/provider down/);
    expect(await t.database.db.select({ id: events.id }).from(events)).toHaveLength(before.length);
  });

  it('refuses to clone for a manager who may not create events', async () => {
    const admin = await makeUser(t.database.db, { isAdmin: true });
    const adminAgent = await agentFor(t.app, t.database.db, admin);
    await adminAgent.put('/api/admin/events/creators', { restricted: true, userIds: [] });
    try {
      const s = await source();
      const res = await agent.post(`/api/events/${s.ev.id}/clone`, { startDate: '2031-01-10T09:00:00Z' });
      expect(res.statusCode).toBe(403);
    } finally {
      await adminAgent.put('/api/admin/events/creators', { restricted: false, userIds: [] });
    }
  });
});
