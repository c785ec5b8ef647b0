import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../src/server/events/log';
import { eventLog } from '../../src/server/events/schema';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

interface Entry {
  module: string;
  kind: string;
  summary: string;
  actor: { id: number; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('the event log', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    manager = await makeUser(t.database.db, { name: 'Maria Manager' });
    agent = await agentFor(t.app, t.database.db, manager);
  });

  async function entries(eventId: number, query = ''): Promise<Entry[]> {
    const res = await agent.get(`/api/events/${eventId}/log${query}`);
    expect(res.statusCode).toBe(200);
    // Newest first; the tests read them oldest first.
    return (res.json().items as Entry[]).reverse();
  }

  it('records every kind of change with who made it and the changed fields only', async () => {
    const created = await agent.post('/api/events', {
      title: 'Colloquium',
      start: '2030-09-01T08:00:00Z',
      end: '2030-09-01T18:00:00Z',
      timezone: 'Europe/Paris',
    });
    const id: number = created.json().id;
    const base = `/api/events/${id}`;
    await agent.patch(base, { version: 1, title: 'Colloquium 2030', location: 'Geneva' });
    const session = (await agent.post(`${base}/sessions`, { title: 'Morning', colour: '#123456' })).json();
    await agent.patch(`${base}/sessions/${session.id}`, { version: 1, colour: '#654321' });
    const block = (
      await agent.post(`${base}/blocks`, {
        sessionId: session.id,
        start: '2030-09-01T09:00:00Z',
        durationMinutes: 90,
      })
    ).json();
    const contribution = (
      await agent.post(`${base}/contributions`, { title: 'Opening', blockId: block.id, start: block.start })
    ).json();
    await agent.patch(`${base}/contributions/${contribution.id}`, { version: 1, start: null });
    await agent.delete(`${base}/contributions/${contribution.id}`);
    await agent.delete(`${base}/blocks/${block.id}`);
    await agent.delete(`${base}/sessions/${session.id}`);
    await agent.put(`${base}/protection`, { version: 2, mode: 'logged_in' });

    const log = await entries(id);
    expect(log.map((e) => [e.module, e.kind, e.summary])).toEqual([
      ['event', 'added', 'Event "Colloquium" created'],
      ['event', 'changed', 'Event settings changed'],
      ['timetable', 'added', 'Session "Morning" created'],
      ['timetable', 'changed', 'Session "Morning" changed'],
      ['timetable', 'added', 'Session block of "Morning" created'],
      ['timetable', 'added', 'Contribution "Opening" created'],
      ['timetable', 'changed', 'Contribution "Opening" unscheduled'],
      ['timetable', 'removed', 'Contribution "Opening" deleted'],
      ['timetable', 'removed', 'Session block deleted'],
      ['timetable', 'removed', 'Session "Morning" deleted'],
      ['protection', 'changed', 'Protection changed'],
    ]);
    expect(log.every((e) => e.actor?.id === manager.id && e.actor.name === 'Maria Manager')).toBe(true);
    expect(log[1]).toMatchObject({
      before: { title: 'Colloquium', location: '' },
      after: { title: 'Colloquium 2030', location: 'Geneva' },
    });
    expect(log[3]).toMatchObject({ before: { colour: '#123456' }, after: { colour: '#654321' } });
    expect(log[6]).toMatchObject({
      before: { start: '2030-09-01T09:00:00.000Z', blockId: block.id },
      after: { start: null, blockId: null },
    });
    expect(log[10]).toMatchObject({ before: { mode: 'public' }, after: { mode: 'logged_in' } });
  });

  it('keeps the log of a deleted event', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    await agent.delete(`/api/events/${ev.id}`);
    expect((await agent.get(`/api/events/${ev.id}/log`)).statusCode).toBe(404);
    const rows = await t.database.db.select().from(eventLog).where(eq(eventLog.eventId, ev.id));
    expect(rows.map((r) => r.summary)).toEqual([`Event "${ev.title}" deleted`]);
  });

  it('filters by module, lists the modules present, and takes entries other modules write', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    await agent.post(`/api/events/${ev.id}/sessions`, { title: 'S' });
    await writeEventLog(t.database.db, {
      eventId: ev.id,
      actorId: null,
      at: new Date(),
      module: 'vc',
      kind: 'added',
      summary: 'Zoom meeting "Plenary" created',
      after: { name: 'Plenary' },
      data: { roomId: 7 },
    });
    const res = await agent.get(`/api/events/${ev.id}/log?module=vc`);
    expect(res.json()).toMatchObject({
      modules: ['timetable', 'vc'],
      total: 1,
      items: [{ module: 'vc', actor: null, summary: 'Zoom meeting "Plenary" created', data: { roomId: 7 } }],
    });
    const timetable = await entries(ev.id, '?module=timetable');
    expect(timetable.map((e) => e.summary)).toEqual(['Session "S" created']);
  });
});
