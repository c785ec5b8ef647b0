// How many Zoom calls each user action makes, measured against the sandbox's request log (token requests
// left out: the token is cached). The table is printed for the issue note; the counts are asserted.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOOM_ACTIONS } from '../../src/contracts/vc-zoom';
import { fakeClock, runJobs, useTestApp } from '../support/app';
import { makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import { attachRoomRequest } from '../support/vc';
import {
  createZoomRoom,
  editZoomRoom,
  nextSecond,
  requestsSince,
  sandboxOf,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

describe('Zoom calls per user action', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let bob: MadeUser;
  let grace: MadeUser;
  const table: Array<{ action: string; calls: string[] }> = [];

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    bob = await zoomPerson(t, 'Bob Manager');
    grace = await zoomPerson(t, 'Grace Hopper');
  });
  afterAll(() => {
    const width = Math.max(...table.map((r) => r.action.length));
    const lines = table.map(
      (r) =>
        `| ${r.action.padEnd(width)} | ${String(r.calls.length).padStart(5)} | ${r.calls.join(', ') || '—'} |`,
    );
    console.log(['| Action | Calls | Requests |', '|---|---:|---|', ...lines].join('\n'));
  });

  /** Runs `action`, records the Zoom requests it made, and returns them. */
  async function measure(action: string, run: () => Promise<unknown>): Promise<string[]> {
    await nextSecond(t, clock);
    const from = sandboxOf(t).requests.entries.length;
    await run();
    const calls = requestsSince(t, from);
    table.push({ action, calls });
    return calls;
  }

  it('counts the calls of a room’s whole life', async () => {
    const agent = await agentFor(t.app, t.deps.db, ada, clock());
    const bobAgent = await agentFor(t.app, t.deps.db, bob, clock());
    const ev = await makeEvent(t.deps.db, { creator: ada, managers: [bob] });
    const second = await makeEvent(t.deps.db, { creator: ada, title: 'Second' });
    let room = { linkId: 0, roomId: 0 };

    const create = await measure('Create (host: myself)', async () => {
      room = await createZoomRoom(t, agent, ev.id, { name: 'Measured' });
    });
    expect(create).toEqual([
      'GET /v2/users/:userId',
      'GET /v2/users/:userId/settings',
      'POST /v2/users/:userId/meetings',
    ]);

    const forOther = await measure('Create for another host, one alternative host', () =>
      createZoomRoom(t, agent, ev.id, {
        name: 'For Grace',
        form: { hostUserId: grace.id, alternativeHostIds: [bob.id] },
      }),
    );
    expect(forOther).toHaveLength(4);

    const view = await measure('View event page, management page, Join (3 viewers)', async () => {
      await agent.get(`/api/events/${ev.id}`);
      await agent.get(`/api/events/${ev.id}/vc`);
      await agent.get(`/event/${ev.id}/vc/${room.roomId}/join`);
      await (await agentFor(t.app, t.deps.db, undefined)).get(`/api/events/${ev.id}`);
      await bobAgent.get(`/api/events/${ev.id}`);
    });
    expect(view).toEqual([]);

    const name = await measure('Edit the name', () =>
      editZoomRoom(agent, ev.id, room.linkId, { name: 'Renamed' }),
    );
    expect(name).toEqual(['PATCH /v2/meetings/:id', 'GET /v2/meetings/:id']);

    const notified = await measure('Zoom’s meeting.updated notification of that edit (job)', async () => {
      await sandboxOf(t).webhooks.idle();
      await runJobs(t);
    });
    expect(notified).toEqual(['GET /v2/meetings/:id']);

    const passcode = await measure('Edit the passcode', () =>
      editZoomRoom(agent, ev.id, room.linkId, { form: { passcode: '55667788' } }),
    );
    expect(passcode).toEqual([
      'GET /v2/users/:userId/settings',
      'PATCH /v2/meetings/:id',
      'GET /v2/meetings/:id',
    ]);

    const unchanged = await measure('Save the form unchanged', () => editZoomRoom(agent, ev.id, room.linkId));
    expect(unchanged).toEqual([]);

    const refresh = await measure('Refresh', () =>
      agent.post(`/api/events/${ev.id}/vc/links/${room.linkId}/refresh`),
    );
    expect(refresh).toEqual(['GET /v2/meetings/:id']);

    const start = await measure('Start (host)', () => agent.get(`/api/vc/zoom/rooms/${room.roomId}/start`));
    expect(start).toEqual(['GET /v2/meetings/:id']);

    const attach = await measure('Attach to a second event', () =>
      attachRoomRequest(agent, second.id, { roomId: room.roomId }),
    );
    expect(attach).toEqual(['PATCH /v2/meetings/:id']);

    const altHost = await measure('Make me an alternative host', () =>
      bobAgent.post(
        `/api/events/${ev.id}/vc/links/${room.linkId}/actions/${ZOOM_ACTIONS.makeMeAlternativeHost}`,
      ),
    );
    expect(altHost).toEqual(['GET /v2/users/:userId', 'GET /v2/meetings/:id', 'PATCH /v2/meetings/:id']);

    const host = await measure('Change the host', () =>
      editZoomRoom(agent, ev.id, room.linkId, { form: { hostUserId: grace.id, alternativeHostIds: [] } }),
    );
    expect(host).toEqual([
      'GET /v2/users/:userId',
      'GET /v2/meetings/:id',
      'PATCH /v2/meetings/:id',
      'GET /v2/meetings/:id',
    ]);

    const hostCheck = await measure('Host check (form, with overlaps)', () =>
      agent.get(`/api/events/${ev.id}/vc/zoom/host-check?userId=${grace.id}`),
    );
    expect(hostCheck).toEqual([
      'GET /v2/users/:userId',
      'GET /v2/users/:userId/settings',
      'GET /v2/users/:userId/meetings',
    ]);

    const talk = await makeContribution(t.deps.db, { event: ev, start: new Date('2030-06-01T10:00:00Z') });
    const talkRoom = await createZoomRoom(t, agent, ev.id, {
      name: 'Talk',
      target: { type: 'contribution', contributionId: talk.id },
    });
    await sandboxOf(t).webhooks.idle();
    await runJobs(t);
    // The job's PATCH makes Zoom notify meeting.updated, whose refresh may run in the same batch of jobs:
    // both are counted, deterministically.
    const reschedule = await measure(
      'Move a contribution (reschedule job, then its notification)',
      async () => {
        await agent.patch(`/api/events/${ev.id}/contributions/${talk.id}`, {
          version: talk.version,
          start: '2030-06-01T11:00:00Z',
        });
        await runJobs(t);
        await sandboxOf(t).webhooks.idle();
        await runJobs(t);
      },
    );
    expect(reschedule).toEqual(['PATCH /v2/meetings/:id', 'GET /v2/meetings/:id']);
    expect(talkRoom.data.zoomType).toBe(2);

    const detach = await measure('Detach from the second event (room stays)', async () => {
      const links = (await agent.get(`/api/events/${second.id}/vc`)).json().rooms;
      await agent.delete(`/api/events/${second.id}/vc/links/${links[0].linkId}?deleteRoom=false`);
    });
    expect(detach).toEqual([]);

    // The deletion's job counts too: it is made due at once and run (it finds the room deleted).
    const remove = await measure('Detach the last link and delete (with its job)', async () => {
      await agent.delete(`/api/events/${ev.id}/vc/links/${room.linkId}?deleteRoom=true`);
      await t.deps.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);
      await runJobs(t);
    });
    expect(remove).toEqual(['DELETE /v2/meetings/:id']);
  });
});
