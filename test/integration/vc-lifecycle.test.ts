import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vcRoomLinks, vcRooms } from '../../src/server/vc/schema';
import type { Agent } from '../support/app';
import { runJobs, useTestApp } from '../support/app';
import { HOUR, makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { attachRoomRequest, createRoom, enableTestRooms, testRooms } from '../support/vc';

describe('rooms through the life of events', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await enableTestRooms(t);
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });
  beforeEach(() => testRooms(t).reset());

  const managed = async (eventId: number) => (await agent.get(`/api/events/${eventId}/vc`)).json().rooms;
  const vcLog = async (eventId: number) =>
    (await agent.get(`/api/events/${eventId}/log?module=vc`))
      .json()
      .items.map((i: { summary: string }) => i.summary);
  const roomRow = async (id: number) =>
    (await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, id)))[0];

  async function source() {
    const db = t.database.db;
    const ev = await makeEvent(db, { creator: manager, title: 'Source' });
    const session = await makeSession(db, { event: ev, title: 'Track' });
    const block = await makeBlock(db, { event: ev, session });
    const talk = await makeContribution(db, { block, title: 'Talk' });
    const eventRoom = await createRoom(agent, ev.id, {
      name: 'Plenary',
      show: false,
      linkForm: { passcodeVisibility: 'everyone' },
    });
    const talkRoom = await createRoom(agent, ev.id, {
      name: 'Talk room',
      target: { type: 'contribution', contributionId: talk.id },
    });
    const blockRoom = await createRoom(agent, ev.id, {
      name: 'Track room',
      target: { type: 'block', blockId: block.id },
    });
    return { ev, session, block, talk, eventRoom, talkRoom, blockRoom };
  }

  const clone = (eventId: number, options: Record<string, boolean> = {}) =>
    agent.post(`/api/events/${eventId}/clone`, {
      startDate: '2031-06-01T08:00:00Z',
      title: 'Clone',
      options,
    });

  it('offers "Videoconference rooms", on by default, when the event has rooms', async () => {
    const s = await source();
    const options = (await agent.get(`/api/events/${s.ev.id}/clone-options`)).json().options;
    expect(options).toContainEqual({
      id: 'vc',
      label: 'Videoconference rooms',
      defaultOn: true,
      available: true,
      core: false,
    });
  });

  it('shares the rooms with the clone, each linked to the matching event, contribution or block', async () => {
    const s = await source();
    const res = await clone(s.ev.id);
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    const rooms = await managed(copy.id);
    const page = (await agent.get(`/api/events/${copy.id}`)).json();
    const byName = Object.fromEntries(rooms.map((r: { name: string }) => [r.name, r]));
    expect(byName.Plenary).toMatchObject({
      roomId: s.eventRoom.roomId,
      target: { type: 'event' },
      show: false,
    });
    expect(byName['Talk room']).toMatchObject({
      roomId: s.talkRoom.roomId,
      target: { type: 'contribution', id: page.contributions[0].id },
    });
    expect(byName['Track room']).toMatchObject({
      roomId: s.blockRoom.roomId,
      target: { type: 'block', id: page.blocks[0].id },
    });
    // No new meeting: the rooms are shared, each now used by two events.
    expect(testRooms(t).calls.filter((c) => c.op === 'create')).toHaveLength(3);
    expect(byName.Plenary.otherEvents).toEqual([{ id: s.ev.id, title: 'Source' }]);
    // Link-level data comes along.
    const form = (await agent.get(`/api/events/${copy.id}/vc/links/${byName.Plenary.linkId}/form`)).json();
    expect(form.linkForm).toEqual({ passcodeVisibility: 'everyone' });
    expect(await vcLog(copy.id)).toContain(
      'Videoconference "Plenary" linked to the event (cloned from "Source")',
    );
  });

  it('says what the provider adapted, and pushes the adapted room after the clone commits', async () => {
    const s = await source();
    const res = await clone(s.ev.id);
    expect(res.json().notices).toEqual([
      'Videoconference "Plenary": The room is now shared: it also serves "Clone" (clone).',
      'Videoconference "Talk room": The room is now shared: it also serves "Talk" (clone).',
      'Videoconference "Track room": The room is now shared: it also serves "Track" (clone).',
    ]);
    expect((await roomRow(s.eventRoom.roomId))?.data).toMatchObject({ description: '[shared]' });
    const mine = new Set([s.eventRoom.roomId, s.talkRoom.roomId, s.blockRoom.roomId]);
    const pushes = () =>
      testRooms(t).calls.filter((c) => c.op === 'update' && mine.has(c.roomId ?? 0)).length;
    expect(pushes()).toBe(0);
    await runJobs(t);
    expect(pushes()).toBe(3);
  });

  it('links contribution and block rooms only when the timetable was cloned, and says when the provider refuses', async () => {
    const s = await source();
    testRooms(t).refuseNextLink('This room takes one event only.');
    const res = await clone(s.ev.id, { timetable: false });
    expect(res.statusCode).toBe(201);
    expect(res.json().notices).toEqual([
      'Videoconference "Plenary" was not linked: This room takes one event only.',
    ]);
    expect(await managed(res.json().id)).toEqual([]);
    expect(await vcLog(res.json().id)).toEqual([
      'Videoconference "Plenary" not cloned: This room takes one event only.',
    ]);
    const without = await clone(s.ev.id, { vc: false });
    expect(await managed(without.json().id)).toEqual([]);
  });

  it('does not clone deleted rooms, and says so', async () => {
    const s = await source();
    testRooms(t).reportGoneOnNextRefresh();
    await agent.post(`/api/events/${s.ev.id}/vc/links/${s.eventRoom.linkId}/refresh`);
    const res = await clone(s.ev.id);
    expect(res.json().notices).toContain('Videoconference "Plenary" was not linked: it is deleted.');
    expect((await managed(res.json().id)).map((r: { name: string }) => r.name)).toEqual([
      'Talk room',
      'Track room',
    ]);
  });

  it('links the room of a deleted contribution to the whole event, with a warning in the log', async () => {
    const s = await source();
    const res = await agent.delete(`/api/events/${s.ev.id}/contributions/${s.talk.id}`);
    expect(res.statusCode).toBe(204);
    const row = (await managed(s.ev.id)).find((r: { name: string }) => r.name === 'Talk room');
    expect(row.target).toEqual({ type: 'event', title: 'Source' });
    expect(await vcLog(s.ev.id)).toContain(
      'Videoconference "Talk room" was linked to contribution "Talk", which was deleted: it is now linked to the whole event',
    );
  });

  it('drops the deleted item’s link when the room is already linked to the whole event', async () => {
    const s = await source();
    await attachRoomRequest(agent, s.ev.id, { roomId: s.blockRoom.roomId });
    const res = await agent.delete(`/api/events/${s.ev.id}/blocks/${s.block.id}`);
    expect(res.statusCode).toBe(204);
    const rows = (await managed(s.ev.id)).filter((r: { name: string }) => r.name === 'Track room');
    expect(rows).toHaveLength(1);
    expect(rows[0].target.type).toBe('event');
    expect((await vcLog(s.ev.id))[0]).toBe(
      'Videoconference "Track room" was linked to a session block, which was deleted: it stays linked to the whole event',
    );
    // The block's contributions were unscheduled: the talk keeps its room, flagged.
    const talk = (await managed(s.ev.id)).find((r: { name: string }) => r.name === 'Talk room');
    expect(talk.target).toMatchObject({ type: 'contribution', unscheduled: true });
  });

  it('re-links the rooms of a deleted session’s blocks to the event', async () => {
    const s = await source();
    expect((await agent.delete(`/api/events/${s.ev.id}/sessions/${s.session.id}`)).statusCode).toBe(204);
    const track = (await managed(s.ev.id)).find((r: { name: string }) => r.name === 'Track room');
    expect(track.target.type).toBe('event');
  });

  it('removes a deleted event’s links and deletes, by a durable job, the rooms no other event uses', async () => {
    const s = await source();
    const other = await makeEvent(t.database.db, {
      creator: manager,
      start: new Date(s.ev.startAt.getTime() + 100 * HOUR),
    });
    await attachRoomRequest(agent, other.id, { roomId: s.talkRoom.roomId });
    testRooms(t).failNext('delete');
    expect((await agent.delete(`/api/events/${s.ev.id}`)).statusCode).toBe(204);
    const links = await t.database.db.select().from(vcRoomLinks).where(eq(vcRoomLinks.eventId, s.ev.id));
    expect(links).toEqual([]);
    // Nothing was asked of the provider inside the deletion: jobs do it.
    expect(testRooms(t).calls.filter((c) => c.op === 'delete')).toEqual([]);
    const jobs = await t.database.db.execute<{ key: string }>(
      sql`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'vc.deleteRoom' ORDER BY key`,
    );
    expect(jobs.rows.map((j) => j.key).sort()).toEqual(
      [`vc.deleteRoom:${s.eventRoom.roomId}`, `vc.deleteRoom:${s.blockRoom.roomId}`].sort(),
    );
    await runJobs(t);
    // One attempt failed (injected): its job stays and retries until the provider confirms.
    await t.database.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await runJobs(t);
    expect(testRooms(t).calls.filter((c) => c.op === 'delete')).toHaveLength(3);
    expect((await roomRow(s.eventRoom.roomId))?.status).toBe('deleted');
    expect((await roomRow(s.blockRoom.roomId))?.status).toBe('deleted');
    // The shared room lives on in the other event.
    expect((await roomRow(s.talkRoom.roomId))?.status).toBe('created');
    expect((await managed(other.id))[0].name).toBe('Talk room');
  });
});
