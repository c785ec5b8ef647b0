import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/server/errors';
import type { EventHookName, EventHookPayloads } from '../../src/server/events/hooks';
import { writeEventLog } from '../../src/server/events/log';
import { eventLog, events } from '../../src/server/events/schema';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { HOUR, makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

describe('hooks other modules subscribe to', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;
  const unsubscribe: Array<() => void> = [];

  beforeAll(async () => {
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });

  afterEach(() => {
    for (const off of unsubscribe.splice(0)) off();
  });

  /** Records every call of `hook` during the test. */
  function record<K extends EventHookName>(hook: K): Array<EventHookPayloads[K]> {
    const calls: Array<EventHookPayloads[K]> = [];
    unsubscribe.push(t.app.eventExtensions.hooks.on(hook, 'test', (payload) => void calls.push(payload)));
    return calls;
  }

  it('announces a deleted event inside the deleting transaction', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const seen: Array<{ insideTx: Date | null; outside: Date | null }> = [];
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('eventDeleted', 'test', async ({ tx, event, actor, at }) => {
        expect(actor?.id).toBe(manager.id);
        const [inside] = await tx.select().from(events).where(eq(events.id, event.id));
        const [outside] = await t.database.db.select().from(events).where(eq(events.id, event.id));
        seen.push({ insideTx: inside?.deletedAt ?? null, outside: outside?.deletedAt ?? null });
        // A module's write through tx commits with the deletion.
        await writeEventLog(tx, {
          eventId: event.id,
          actorId: null,
          at,
          module: 'vc',
          kind: 'other',
          summary: 'x',
        });
      }),
    );
    expect((await agent.delete(`/api/events/${ev.id}`)).statusCode).toBe(204);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.insideTx).toBeInstanceOf(Date);
    // Another connection does not see the uncommitted deletion yet: the handler ran inside the transaction.
    expect(seen[0]?.outside).toBeNull();
    const vcRows = await t.database.db
      .select()
      .from(eventLog)
      .where(and(eq(eventLog.eventId, ev.id), eq(eventLog.module, 'vc')));
    expect(vcRows).toHaveLength(1);
  });

  it('rolls the deletion back when a handler vetoes it, with the handler error', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('eventDeleted', 'test', async ({ tx, event, at }) => {
        await writeEventLog(tx, {
          eventId: event.id,
          actorId: null,
          at,
          module: 'vc',
          kind: 'other',
          summary: 'x',
        });
        throw new Conflict('A room of this event is being created: try again in a moment.');
      }),
    );
    const res = await agent.delete(`/api/events/${ev.id}`);
    expect(res.statusCode).toBe(409);
    expect((await agent.get(`/api/events/${ev.id}`)).statusCode).toBe(200);
    const vcRows = await t.database.db
      .select()
      .from(eventLog)
      .where(and(eq(eventLog.eventId, ev.id), eq(eventLog.module, 'vc')));
    expect(vcRows).toEqual([]);
  });

  it('announces a deleted contribution', async () => {
    const calls = record('contributionDeleted');
    const c = await makeContribution(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    await agent.delete(`/api/events/${c.eventId}/contributions/${c.id}`);
    expect(
      calls.map((p) => [p.event.id, p.contribution.id, p.contribution.deletedAt instanceof Date]),
    ).toEqual([[c.eventId, c.id, true]]);
  });

  it('announces a deleted session: its blocks first, after unscheduling their contributions', async () => {
    const order: string[] = [];
    const blocks = record('sessionBlockDeleted');
    const sessions = record('sessionDeleted');
    const unscheduled = record('contributionUnscheduled');
    unsubscribe.push(
      t.app.eventExtensions.hooks.on(
        'contributionUnscheduled',
        'order',
        () => void order.push('unscheduled'),
      ),
    );
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('sessionBlockDeleted', 'order', () => void order.push('block')),
    );
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('sessionDeleted', 'order', () => void order.push('session')),
    );
    const block = await makeBlock(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    const c = await makeContribution(t.database.db, { block });
    await agent.delete(`/api/events/${block.eventId}/sessions/${block.sessionId}`);
    expect(order).toEqual(['unscheduled', 'block', 'session']);
    expect(blocks.map((p) => [p.block.id, p.reason])).toEqual([[block.id, 'sessionDeleted']]);
    expect(sessions.map((p) => [p.session.id, p.blockIds])).toEqual([[block.sessionId, [block.id]]]);
    expect(unscheduled[0]?.reason).toBe('blockDeleted');
    expect(unscheduled[0]?.contributions.map((u) => [u.contribution.id, u.before.blockId])).toEqual([
      [c.id, block.id],
    ]);
  });

  it('announces a contribution unscheduled by an edit', async () => {
    const calls = record('contributionUnscheduled');
    const c = await makeContribution(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    await agent.patch(`/api/events/${c.eventId}/contributions/${c.id}`, { version: 1, start: null });
    expect(calls.map((p) => [p.reason, p.contributions[0]?.before.startAt.toISOString()])).toEqual([
      ['edited', c.startAt?.toISOString()],
    ]);
  });

  it('announces changed times of events, blocks and contributions with what they were', async () => {
    const eventCalls = record('eventTimesChanged');
    const blockCalls = record('blockTimesChanged');
    const contributionCalls = record('contributionTimesChanged');
    const ev = await makeEvent(t.database.db, { creator: manager });
    const block = await makeBlock(t.database.db, { event: ev });
    const inBlock = await makeContribution(t.database.db, { block });
    const loose = await makeContribution(t.database.db, { event: ev });

    const c = `/api/events/${ev.id}/contributions/${loose.id}`;
    await agent.patch(c, { version: 1, durationMinutes: 30 });
    expect(contributionCalls.map((p) => [p.contribution.durationMinutes, p.before.durationMinutes])).toEqual([
      [30, 20],
    ]);

    await agent.patch(`/api/events/${ev.id}/blocks/${block.id}`, {
      version: 1,
      start: new Date(block.startAt.getTime() + HOUR).toISOString(),
    });
    expect(
      blockCalls.map((p) => [p.block.id, p.before.startAt.toISOString(), p.movedContributionIds]),
    ).toEqual([[block.id, block.startAt.toISOString(), [inBlock.id]]]);

    await agent.patch(`/api/events/${ev.id}`, {
      version: 1,
      start: new Date(ev.startAt.getTime() + 24 * HOUR).toISOString(),
      end: new Date(ev.endAt.getTime() + 24 * HOUR).toISOString(),
      shiftTimetable: true,
    });
    expect(eventCalls).toHaveLength(1);
    expect(eventCalls[0]).toMatchObject({ shiftMs: 24 * HOUR, before: { startAt: ev.startAt } });
    expect(eventCalls[0]?.shifted.blockIds).toEqual([block.id]);
    expect(eventCalls[0]?.shifted.contributionIds.sort()).toEqual([inBlock.id, loose.id].sort());
    // The items moved with the event are reported there, not one by one.
    expect(contributionCalls).toHaveLength(1);
    expect(blockCalls).toHaveLength(1);
  });

  it('replaces a subscriber handler when the same owner subscribes again', async () => {
    const first: number[] = [];
    const second: number[] = [];
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('contributionDeleted', 'twice', () => void first.push(1)),
    );
    unsubscribe.push(
      t.app.eventExtensions.hooks.on('contributionDeleted', 'twice', () => void second.push(1)),
    );
    const c = await makeContribution(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    await agent.delete(`/api/events/${c.eventId}/contributions/${c.id}`);
    expect([first.length, second.length]).toEqual([0, 1]);
  });
});
