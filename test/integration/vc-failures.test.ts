import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vcRoomLinks, vcRooms } from '../../src/server/vc/schema';
import type { Agent } from '../support/app';
import { runJobs, useTestApp } from '../support/app';
import { makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { createRoom, createRoomRequest, enableTestRooms, testRooms } from '../support/vc';

describe('failures of the provider and of the database', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await enableTestRooms(t);
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });
  beforeEach(() => testRooms(t).reset());

  const roomCount = async () =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(vcRooms))[0]?.n ?? 0;
  const roomRow = async (id: number) =>
    (await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, id)))[0];
  const codeOf = async (id: number) =>
    ((await roomRow(id))?.data as { code: string } | undefined)?.code ?? '';
  const deleteJobs = async () =>
    (
      await t.database.db.execute<{ id: string; key: string; attempts: number }>(
        sql`SELECT id, key, attempts FROM graphile_worker.jobs WHERE task_identifier = 'vc.deleteRoom'`,
      )
    ).rows;
  /** Makes every queued job due now, as if its backoff had passed. */
  const makeJobsDue = () =>
    t.database.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);

  /** A competing link to the same contribution, written while the provider was creating our room. */
  async function raceForContribution(contributionId: number, eventId: number) {
    const [rival] = await t.database.db
      .insert(vcRooms)
      .values({ provider: 'test', name: 'Rival', data: {} })
      .returning();
    if (!rival) throw new Error('no rival');
    testRooms(t).onNext('create', async () => {
      await t.database.db.insert(vcRoomLinks).values({ roomId: rival.id, eventId, contributionId });
    });
  }

  it('shows the provider’s message when it fails to create, and keeps nothing here', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const before = await roomCount();
    testRooms(t).failNext('create', { message: 'The service is down for maintenance.' });
    const res = await createRoomRequest(agent, ev.id);
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({
      code: 'PROVIDER_ERROR',
      message: 'The service is down for maintenance.',
    });
    expect(await roomCount()).toBe(before);
    testRooms(t).failNext('create', { message: 'This passcode is too weak.', field: 'form.passcode' });
    const field = await createRoomRequest(agent, ev.id);
    expect(field.statusCode).toBe(422);
    expect(field.json().error.fields).toEqual([
      { field: 'form.passcode', message: 'This passcode is too weak.' },
    ]);
    expect(await roomCount()).toBe(before);
  });

  it('deletes the provider’s new room when the local write fails, leaving no orphan', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev, title: 'Raced' });
    await raceForContribution(talk.id, ev.id);
    const before = await roomCount();
    const res = await createRoomRequest(agent, ev.id, {
      target: { type: 'contribution', contributionId: talk.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('meanwhile');
    const calls = testRooms(t).calls;
    expect(calls.map((c) => c.op)).toEqual(['create', 'delete']);
    expect(await roomCount()).toBe(before);
  });

  it('queues the deletion when even the compensation fails, and the job finishes it', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev });
    await raceForContribution(talk.id, ev.id);
    testRooms(t).failNext('delete');
    const res = await createRoomRequest(agent, ev.id, {
      target: { type: 'contribution', contributionId: talk.id },
    });
    expect(res.statusCode).toBe(409);
    const [orphan] = await t.database.db.select().from(vcRooms).where(eq(vcRooms.name, 'Weekly meeting'));
    expect(orphan).toMatchObject({ status: 'created', deletionRequestedAt: expect.any(Date) });
    expect((await deleteJobs()).map((j) => j.key)).toContain(`vc.deleteRoom:${orphan?.id}`);
    await runJobs(t);
    expect((await roomRow(orphan?.id ?? 0))?.status).toBe('deleted');
    expect(testRooms(t).calls.filter((c) => c.op === 'delete')).toHaveLength(2);
  });

  it('marks a room for deletion when the provider fails to delete it, says so, and retries until it works', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const made = await createRoom(agent, ev.id);
    testRooms(t).failNext('delete', { message: 'Deletion is not possible right now.', times: 1000 });
    const res = await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/delete-room`);
    expect(res.json()).toEqual({
      roomDeletion: 'pending',
      message: 'Test rooms could not delete the videoconference now: it will be retried in the background.',
    });
    const [row] = (await agent.get(`/api/events/${ev.id}/vc`)).json().rooms;
    expect(row).toMatchObject({
      status: 'deleting',
      deletion: { error: 'Deletion is not possible right now.' },
      can: { edit: false, refresh: false, delete: false, detach: true },
    });
    // Hidden from participants while it is being deleted.
    const page = (await (await agentFor(t.app, t.database.db, undefined)).get(`/api/events/${ev.id}`)).json();
    expect(page.extensions.vc.rooms).toEqual([]);
    // The job is in PostgreSQL: it survives a restart. It fails while the provider does, then succeeds.
    // It waits a minute (the request tried at once); here it runs now.
    expect(await deleteJobs()).toHaveLength(1);
    await makeJobsDue();
    await runJobs(t);
    expect((await roomRow(made.roomId))?.status).toBe('created');
    expect((await deleteJobs())[0]?.attempts).toBeGreaterThanOrEqual(1);
    testRooms(t).reset();
    await makeJobsDue();
    await runJobs(t);
    expect((await roomRow(made.roomId))?.status).toBe('deleted');
    expect(await deleteJobs()).toEqual([]);
  });

  it('keeps the pending state on the last detach when the provider fails, and the job deletes it', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const made = await createRoom(agent, ev.id);
    testRooms(t).failNext('delete');
    const res = await agent.delete(`/api/events/${ev.id}/vc/links/${made.linkId}?deleteRoom=true`);
    expect(res.json().roomDeletion).toBe('pending');
    expect(await roomRow(made.roomId)).toMatchObject({
      status: 'created',
      deletionRequestedAt: expect.any(Date),
    });
    await makeJobsDue();
    await runJobs(t);
    expect((await roomRow(made.roomId))?.status).toBe('deleted');
  });

  it('marks a room deleted when Refresh or Edit finds it gone at the provider', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const refreshed = await createRoom(agent, ev.id, { name: 'Refreshed away' });
    testRooms(t).reportGoneOnNextRefresh();
    const res = await agent.post(`/api/events/${ev.id}/vc/links/${refreshed.linkId}/refresh`);
    expect(res.json()).toMatchObject({
      room: { status: 'deleted' },
      notice: 'This videoconference no longer exists at Test rooms: it has been marked deleted.',
    });
    const edited = await createRoom(agent, ev.id, { name: 'Edited away' });
    const code = await codeOf(edited.roomId);
    testRooms(t).forget(code);
    const edit = await agent.patch(`/api/events/${ev.id}/vc/links/${edited.linkId}`, {
      room: { name: 'New name', form: {} },
      link: { target: { type: 'event' }, show: true, linkForm: {} },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('no longer exists at Test rooms');
    expect(await roomRow(edited.roomId)).toMatchObject({ status: 'deleted', name: 'Edited away' });
    const log = (await agent.get(`/api/events/${ev.id}/log?module=vc`)).json().items;
    expect(log[0].summary).toBe(
      'Videoconference "Edited away" no longer exists at Test rooms: marked deleted',
    );
  });

  it('changes nothing here when the provider refuses an edit or a refresh', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const made = await createRoom(agent, ev.id, { name: 'Steady' });
    const before = await roomRow(made.roomId);
    testRooms(t).failNext('update');
    const edit = await agent.patch(`/api/events/${ev.id}/vc/links/${made.linkId}`, {
      room: { name: 'Unsteady', form: { description: 'x' } },
      link: { target: { type: 'event' }, show: true, linkForm: {} },
    });
    expect(edit.statusCode).toBe(502);
    testRooms(t).failNext('refresh');
    expect((await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/refresh`)).statusCode).toBe(502);
    expect(await roomRow(made.roomId)).toEqual(before);
  });

  it('puts the provider back when the database refuses an edit it already made there', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev });
    const made = await createRoom(agent, ev.id, { name: 'Mover' });
    const [rival] = await t.database.db
      .insert(vcRooms)
      .values({ provider: 'test', name: 'Rival', data: {} })
      .returning();
    testRooms(t).onNext('update', async () => {
      await t.database.db
        .insert(vcRoomLinks)
        .values({ roomId: rival?.id ?? 0, eventId: ev.id, contributionId: talk.id });
    });
    const res = await agent.patch(`/api/events/${ev.id}/vc/links/${made.linkId}`, {
      room: { name: 'Moved', form: { description: 'new' } },
      link: { target: { type: 'contribution', contributionId: talk.id }, show: true, linkForm: {} },
    });
    expect(res.statusCode).toBe(409);
    expect(testRooms(t).calls.map((c) => c.op)).toEqual(['create', 'update', 'update']);
    expect(await roomRow(made.roomId)).toMatchObject({
      name: 'Mover',
      data: expect.objectContaining({ description: '' }),
    });
  });

  it('pulls what changed at the provider on Refresh and logs it', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const made = await createRoom(agent, ev.id, { name: 'Before' });
    const code = await codeOf(made.roomId);
    testRooms(t).changes.set(code, { name: 'After', description: 'Changed at the service' });
    const res = await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/refresh`);
    expect(res.json()).toMatchObject({
      room: { name: 'After' },
      notice: 'The videoconference was updated from the service.',
    });
    const [entry] = (await agent.get(`/api/events/${ev.id}/log?module=vc`)).json().items;
    expect(entry).toMatchObject({
      kind: 'changed',
      before: { name: 'Before', data: { description: '' } },
      after: { name: 'After', data: { description: 'Changed at the service' } },
    });
  });
});
