// A create whose answer Zoom never sends in time: the dialog says so, and the meeting Zoom made anyway is
// found among the host's meetings and deleted, so that nothing is left on Zoom that Convene does not know.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { vcCreateIntents, vcRooms } from '../../src/server/vc/schema';
import { fakeClock, runJobs, testConfig, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import {
  createZoomRoom,
  createZoomRoomRequest,
  sandboxOf,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

describe('a Zoom create that times out', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock, config: { zoom: { ...testConfig().zoom, timeoutMs: 300 } } });
  let ada: MadeUser;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
  });

  it('tells the dialog Zoom did not answer, and the sweep deletes the meeting Zoom made anyway', async () => {
    const agent = await agentFor(t.app, t.deps.db, ada, clock());
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const kept = await createZoomRoom(t, agent, ev.id, { name: 'Slow' });
    sandboxOf(t).injectFault({ method: 'POST', path: '/v2/users/*/meetings', delayMs: 600 });
    const res = await createZoomRoomRequest(agent, ev.id, { name: 'Slow' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.details.kind).toBe('timeout');
    // Zoom finishes the create after our timeout.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const slow = () =>
      sandboxOf(t)
        .meetings.all()
        .filter((m) => m.topic === 'Slow');
    expect(slow()).toHaveLength(2);
    expect((await t.deps.db.select().from(vcRooms).where(eq(vcRooms.name, 'Slow'))).length).toBe(1);
    // The create's intent stays, with what finds the meeting, and so does its sweep job.
    const intents = await t.deps.db.select().from(vcCreateIntents);
    expect(intents).toHaveLength(1);
    expect(intents[0]?.data).toMatchObject({ hostEmail: ada.email, topic: 'Slow', kind: 'meeting' });
    const jobs = await t.deps.db.execute(
      sql`SELECT payload FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks k ON k.id = j.task_id WHERE k.identifier = 'vc.sweepCreate'`,
    );
    expect(jobs.rows).toEqual([{ payload: { intentId: intents[0]?.id } }]);
    // The sweep waits a little for Zoom to finish; here it runs at once.
    await t.deps.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await runJobs(t);
    // The room Convene knows about stays; only the lost one went.
    expect(slow().map((m) => String(m.id))).toEqual([kept.data.meetingId]);
    expect(await t.deps.db.select().from(vcCreateIntents)).toEqual([]);
  });
});
