import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vcRoomLinks, vcRooms } from '../../src/server/vc/schema';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { attachRoomRequest, createRoom, createRoomRequest, enableTestRooms, testRooms } from '../support/vc';

describe('creating, attaching, editing and removing rooms', () => {
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

  it('pre-fills the create form with the event title, the event as target, shown, and the provider defaults', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager, title: 'Physics days' });
    const res = await agent.get(`/api/events/${ev.id}/vc/providers/test/form`);
    expect(res.json()).toEqual({
      provider: 'test',
      name: 'Physics days',
      target: { type: 'event' },
      show: true,
      form: { description: '', passcode: '', joinRequiresLogin: false },
      linkForm: { passcodeVisibility: 'logged_in' },
      can: { editRoom: true },
    });
  });

  it('refuses a contribution or block of another event with 422 naming the field', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const elsewhere = await makeContribution(t.database.db);
    const otherBlock = await makeBlock(t.database.db);
    const res = await createRoomRequest(agent, ev.id, {
      target: { type: 'contribution', contributionId: elsewhere.id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'target.contributionId', message: 'is not a contribution of this event' },
    ]);
    const block = await createRoomRequest(agent, ev.id, {
      target: { type: 'block', blockId: otherBlock.id },
    });
    expect(block.json().error.fields).toEqual([
      { field: 'target.blockId', message: 'is not a session block of this event' },
    ]);
    expect(testRooms(t).calls).toEqual([]);
  });

  it('names the provider’s own fields in its validation errors, and the common ones', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const res = await createRoomRequest(agent, ev.id, { name: 'ab', form: { passcode: 'not valid!' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name']);
    const provider = await createRoomRequest(agent, ev.id, { form: { passcode: 'not valid!' } });
    expect(provider.json().error.fields).toEqual([
      { field: 'form.passcode', message: 'must be at most 10 letters or digits' },
    ]);
  });

  it('allows one room per contribution and per block, and links a room to the event once', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev, title: 'Opening' });
    const block = await makeBlock(t.database.db, { event: ev });
    const first = await createRoom(agent, ev.id, {
      target: { type: 'contribution', contributionId: talk.id },
    });
    const second = await createRoomRequest(agent, ev.id, {
      target: { type: 'contribution', contributionId: talk.id },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('contribution "Opening"');
    await createRoom(agent, ev.id, { target: { type: 'block', blockId: block.id } });
    expect(
      (await createRoomRequest(agent, ev.id, { target: { type: 'block', blockId: block.id } })).statusCode,
    ).toBe(409);
    // The same room may serve the event and a block of it, but the event only once.
    expect((await attachRoomRequest(agent, ev.id, { roomId: first.roomId })).statusCode).toBe(201);
    const again = await attachRoomRequest(agent, ev.id, { roomId: first.roomId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('This videoconference is already linked to the event.');
    expect(
      (
        await attachRoomRequest(agent, ev.id, {
          roomId: first.roomId,
          target: { type: 'contribution', contributionId: talk.id },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('enforces the linking rules in the database too', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev });
    const a = await createRoom(agent, ev.id, { target: { type: 'contribution', contributionId: talk.id } });
    const b = await createRoom(agent, ev.id);
    const db = t.database.db;
    await expect(
      db.insert(vcRoomLinks).values({ roomId: b.roomId, eventId: ev.id, contributionId: talk.id }),
    ).rejects.toThrow();
    await expect(
      db.insert(vcRoomLinks).values({ roomId: b.roomId, eventId: ev.id, linkedEventId: ev.id }),
    ).rejects.toThrow();
    await expect(
      db
        .insert(vcRoomLinks)
        .values({ roomId: a.roomId, eventId: ev.id, linkedEventId: ev.id, contributionId: talk.id }),
    ).rejects.toThrow();
    await expect(db.insert(vcRoomLinks).values({ roomId: a.roomId, eventId: ev.id })).rejects.toThrow();
  });

  it('pre-fills Edit from the room and this link without changing what is stored', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const made = await createRoom(agent, ev.id, {
      name: 'Board',
      form: { description: 'Monthly', passcode: 'abc' },
      linkForm: { passcodeVisibility: 'everyone' },
    });
    const [before] = await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, made.roomId));
    const form = (await agent.get(`/api/events/${ev.id}/vc/links/${made.linkId}/form`)).json();
    expect(form).toMatchObject({
      name: 'Board',
      target: { type: 'event' },
      show: true,
      form: { description: 'Monthly', passcode: 'abc', joinRequiresLogin: false },
      linkForm: { passcodeVisibility: 'everyone' },
    });
    const [after] = await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, made.roomId));
    expect(after).toEqual(before);
  });

  it('sends changes to the provider, then stores them; moving the target moves the link', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev, title: 'Closing' });
    const made = await createRoom(agent, ev.id, { name: 'Board' });
    const res = await agent.patch(`/api/events/${ev.id}/vc/links/${made.linkId}`, {
      room: {
        name: 'Board meeting',
        form: { description: 'Quarterly', passcode: '', joinRequiresLogin: false },
      },
      link: {
        target: { type: 'contribution', contributionId: talk.id },
        show: false,
        linkForm: { passcodeVisibility: 'no_one' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().room).toMatchObject({
      linkId: made.linkId,
      name: 'Board meeting',
      show: false,
      target: { type: 'contribution', id: talk.id, title: 'Closing' },
    });
    expect(testRooms(t).calls.map((c) => c.op)).toEqual(['create', 'update']);
    const [room] = await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, made.roomId));
    expect(room?.data).toMatchObject({ description: 'Quarterly' });
    // Only the link changed: the provider is not called.
    await agent.patch(`/api/events/${ev.id}/vc/links/${made.linkId}`, {
      link: { target: { type: 'event' }, show: true, linkForm: {} },
    });
    expect(testRooms(t).calls.map((c) => c.op)).toEqual(['create', 'update']);
  });

  it('lets a manager of only one of its events change the link but not the shared room', async () => {
    const owner = agent;
    const other = await makeUser(t.database.db);
    const otherAgent = await agentFor(t.app, t.database.db, other);
    const mine = await makeEvent(t.database.db, { creator: manager, protectionMode: 'restricted' });
    const theirs = await makeEvent(t.database.db, { creator: other, managers: [manager] });
    const made = await createRoom(owner, mine.id, { name: 'Shared room' });
    const attached = await attachRoomRequest(owner, theirs.id, { roomId: made.roomId });
    expect(attached.statusCode).toBe(201);
    const linkId = attached.json().room.linkId;
    const row = (await managed(theirs.id))[0];
    expect(row.can).toMatchObject({ edit: true, editRoom: true, delete: true });
    const theirRow = (await otherAgent.get(`/api/events/${theirs.id}/vc`)).json().rooms[0];
    expect(theirRow.can).toEqual({
      edit: true,
      editRoom: false,
      refresh: true,
      detach: true,
      delete: false,
      join: true,
    });
    // The other event is restricted: it is counted, not named.
    expect(theirRow.otherEvents).toEqual([]);
    expect(theirRow.hiddenOtherEvents).toBe(1);
    const renamed = await otherAgent.patch(`/api/events/${theirs.id}/vc/links/${linkId}`, {
      room: { name: 'Hijacked', form: {} },
      link: { target: { type: 'event' }, show: true, linkForm: {} },
    });
    expect(renamed.statusCode).toBe(403);
    const linkOnly = await otherAgent.patch(`/api/events/${theirs.id}/vc/links/${linkId}`, {
      link: { target: { type: 'event' }, show: false, linkForm: {} },
    });
    expect(linkOnly.statusCode).toBe(200);
    expect(
      (await otherAgent.post(`/api/events/${theirs.id}/vc/links/${linkId}/delete-room`)).statusCode,
    ).toBe(403);
    expect((await otherAgent.get(`/api/events/${theirs.id}/vc/links/${linkId}/form`)).json().can).toEqual({
      editRoom: false,
    });
  });

  it('shows the provider’s notice when it adapts a room it links, and its reason when it refuses', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const second = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: second });
    const made = await createRoom(agent, ev.id, { form: { description: 'Daily' } });
    testRooms(t).refuseNextLink('Test rooms cannot share this room.');
    const refused = await attachRoomRequest(agent, second.id, { roomId: made.roomId });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([
      { field: 'roomId', message: 'Test rooms cannot share this room.' },
    ]);
    const res = await attachRoomRequest(agent, second.id, {
      roomId: made.roomId,
      target: { type: 'contribution', contributionId: talk.id },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().notice).toBe('The room is now shared: it also serves "A talk" (attach).');
    expect(testRooms(t).calls.map((c) => c.op)).toEqual(['create', 'update']);
    const [room] = await t.database.db.select().from(vcRooms).where(eq(vcRooms.id, made.roomId));
    expect(room?.data).toMatchObject({ description: 'Daily [shared]' });
  });

  it('detaches a shared room without deleting it, and names the other events that use it', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager, title: 'First' });
    const second = await makeEvent(t.database.db, { creator: manager, title: 'Second' });
    const made = await createRoom(agent, ev.id);
    await attachRoomRequest(agent, second.id, { roomId: made.roomId });
    const row = (await managed(ev.id))[0];
    expect(row.otherEvents).toEqual([{ id: second.id, title: 'Second' }]);
    expect(row.totalLinks).toBe(2);
    const res = await agent.delete(`/api/events/${ev.id}/vc/links/${made.linkId}?deleteRoom=true`);
    expect(res.json()).toEqual({
      roomDeletion: 'none',
      message: 'The videoconference was detached from this event.',
    });
    expect(await managed(ev.id)).toEqual([]);
    expect((await managed(second.id))[0].status).toBe('created');
    // Created, adapted for sharing on attach; never deleted.
    expect(testRooms(t).calls.map((c) => c.op)).toEqual(['create', 'update']);
  });

  it('deletes a room at its last detach when asked, and keeps it (attachable again) when not', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const kept = await createRoom(agent, ev.id, { name: 'Kept room' });
    const gone = await createRoom(agent, ev.id, { name: 'Gone room' });
    const keep = await agent.delete(`/api/events/${ev.id}/vc/links/${kept.linkId}?deleteRoom=false`);
    expect(keep.json().roomDeletion).toBe('none');
    const del = await agent.delete(`/api/events/${ev.id}/vc/links/${gone.linkId}?deleteRoom=true`);
    expect(del.json()).toEqual({
      roomDeletion: 'deleted',
      message: 'The videoconference was deleted at Test rooms.',
    });
    const suggestions = (await agent.get(`/api/events/${ev.id}/vc/suggestions?provider=test&q=room`)).json()
      .items;
    const names = suggestions.map((s: { name: string }) => s.name);
    expect(names).toContain('Kept room');
    expect(names).not.toContain('Gone room');
  });

  it('deletes a shared room everywhere: every event keeps it listed as deleted, to detach', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager, title: 'First' });
    const second = await makeEvent(t.database.db, { creator: manager, title: 'Second' });
    const made = await createRoom(agent, ev.id);
    await attachRoomRequest(agent, second.id, { roomId: made.roomId });
    const res = await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/delete-room`);
    expect(res.json().roomDeletion).toBe('deleted');
    for (const id of [ev.id, second.id]) {
      const [row] = await managed(id);
      expect(row).toMatchObject({
        status: 'deleted',
        can: { edit: false, refresh: false, delete: false, detach: true, join: false },
      });
    }
    const secondLog = (await agent.get(`/api/events/${second.id}/log?module=vc`)).json().items[0];
    expect(secondLog.summary).toBe('Videoconference "Weekly meeting" deleted from event "First"');
  });

  it('flags a room whose contribution was unscheduled, and keeps it linked', async () => {
    const ev = await makeEvent(t.database.db, { creator: manager });
    const talk = await makeContribution(t.database.db, { event: ev });
    await createRoom(agent, ev.id, { target: { type: 'contribution', contributionId: talk.id } });
    const res = await agent.patch(`/api/events/${ev.id}/contributions/${talk.id}`, {
      version: 1,
      start: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await managed(ev.id))[0].target).toMatchObject({
      type: 'contribution',
      id: talk.id,
      unscheduled: true,
    });
    const targets = (await agent.get(`/api/events/${ev.id}/vc/targets`)).json();
    expect(targets.contributions[0]).toMatchObject({
      id: talk.id,
      unscheduled: true,
      linkedRoom: { name: 'Weekly meeting' },
    });
  });

  it('runs a provider action offered to this manager and refuses one it does not offer', async () => {
    const co = await makeUser(t.database.db);
    const ev = await makeEvent(t.database.db, { creator: manager, managers: [co] });
    const made = await createRoom(await agentFor(t.app, t.database.db, co), ev.id);
    const row = (await managed(ev.id))[0];
    expect(row.actions).toEqual([{ id: 'take-host', label: 'Make me the host' }]);
    const res = await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/actions/take-host`);
    expect(res.json().message).toBe('You are now the host of this room.');
    expect(res.json().room.actions).toEqual([]);
    expect(
      (await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/actions/take-host`)).statusCode,
    ).toBe(404);
    expect((await agent.post(`/api/events/${ev.id}/vc/links/${made.linkId}/actions/nope`)).statusCode).toBe(
      404,
    );
  });
});
