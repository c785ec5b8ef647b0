// A process killed at each step of create, edit and delete, then restarted with its jobs settled, leaves no
// meeting at Zoom without a room, no room stuck, and each e-mail exactly when what it announces happened.
// A kill is emulated in-process: the flow stops for ever at the step (vc.step never returns) and, when the
// step is inside a transaction, its connection is terminated, so PostgreSQL rolls it back as after kill -9.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VcStep } from '../../src/server/vc/context';
import { DELETION_CLAIM_MS } from '../../src/server/vc/removal';
import { vcCreateIntents, vcRooms } from '../../src/server/vc/schema';
import { buildSecondApp, fakeClock, runJobs, type TestApp, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import {
  createZoomRoom,
  createZoomRoomRequest,
  editZoomRoom,
  outbox,
  sandboxOf,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

/** Makes every queued job due, runs the queue, until nothing is left to run (bounded). */
async function settleJobs(t: TestApp): Promise<void> {
  for (let round = 0; round < 8; round++) {
    await t.deps.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await runJobs(t);
    const { rows } = await t.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE attempts < max_attempts',
    );
    if (rows[0]?.n === 0) return;
  }
  throw new Error('jobs did not settle');
}

/** The invariants after a restart: every meeting at Zoom has a live room; no room, create or job is stuck. */
async function expectNothingLost(t: TestApp): Promise<void> {
  const live = await t.deps.db
    .select({ keys: vcRooms.searchKeys })
    .from(vcRooms)
    .where(eq(vcRooms.status, 'created'));
  const known = new Set(live.flatMap((r) => r.keys));
  const orphans = sandboxOf(t)
    .meetings.all()
    .filter((m) => !known.has(String(m.id)));
  expect(orphans.map((m) => m.topic)).toEqual([]);
  const stuck = await t.deps.db
    .select({ id: vcRooms.id })
    .from(vcRooms)
    .where(and(eq(vcRooms.status, 'created'), isNotNull(vcRooms.deletionRequestedAt)));
  expect(stuck).toEqual([]);
  expect(await t.deps.db.select().from(vcCreateIntents)).toEqual([]);
}

describe('a process killed at any step of a Zoom room’s life', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let grace: MadeUser;

  /** The flows stopped by killAt: ended (with an error) before the app closes, so that it can. */
  const dead: Array<() => void> = [];

  beforeAll(async () => {
    await settleSandboxUsers(t);
    ada = await zoomPerson(t, 'Ada Lovelace');
    grace = await zoomPerson(t, 'Grace Hopper');
    await writeZoomSettings(t, { sendHostUrl: true });
  });
  afterAll(() => {
    for (const end of dead) end();
  });

  /**
   * Makes the flow stop for ever at `step` (as a killed process), runs `action`, and resolves once the step
   * is reached; a transaction open there is ended by terminating its connection.
   */
  async function killAt(step: VcStep, action: () => Promise<unknown>, inTransaction: boolean) {
    const vc = t.app.vc;
    let reached: () => void = () => undefined;
    const atStep = new Promise<void>((resolve) => {
      reached = resolve;
    });
    vc.step = async (name) => {
      if (name !== step) return;
      vc.step = async () => undefined;
      reached();
      await new Promise<never>((_resolve, reject) => {
        dead.push(() => reject(new Error('the process was killed')));
      });
    };
    void action();
    await atStep;
    if (inTransaction)
      await t.deps.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`);
  }

  const mailsTo = async (user: MadeUser, subject: string) =>
    (await outbox(t)).filter((m) => m.to.includes(user.email) && m.subject.includes(subject));

  for (const [step, inTransaction] of [
    ['create:intent-saved', false],
    ['create:provider-done', false],
    ['create:room-inserted', true],
  ] as const) {
    it(`leaves no meeting and no e-mail when killed at ${step}`, async () => {
      const agent = await agentFor(t.app, t.deps.db, ada, clock());
      const ev = await makeEvent(t.deps.db, { creator: ada });
      const name = `Killed at ${step}`;
      await killAt(
        step,
        () => createZoomRoomRequest(agent, ev.id, { name, form: { hostUserId: grace.id } }),
        inTransaction,
      );
      expect(await t.deps.db.select().from(vcRooms).where(eq(vcRooms.name, name))).toEqual([]);
      await settleJobs(t);
      await expectNothingLost(t);
      expect(
        sandboxOf(t)
          .meetings.all()
          .filter((m) => m.topic === name),
      ).toEqual([]);
      expect(await mailsTo(grace, name)).toEqual([]);
    });
  }

  it('keeps the room and its meeting when killed between Zoom’s update and the local save of an edit', async () => {
    const agent = await agentFor(t.app, t.deps.db, ada, clock());
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const room = await createZoomRoom(t, agent, ev.id, { name: 'Edited' });
    await killAt(
      'edit:provider-done',
      () => editZoomRoom(agent, ev.id, room.linkId, { name: 'Renamed' }),
      false,
    );
    await settleJobs(t);
    await expectNothingLost(t);
    const [row] = await t.deps.db.select().from(vcRooms).where(eq(vcRooms.id, room.roomId));
    expect(row?.status).toBe('created');
  });

  for (const [step, inTransaction] of [
    ['delete:requested', false],
    ['delete:claimed', false],
    ['delete:provider-done', false],
    ['delete:flipped', true],
  ] as const) {
    it(`deletes the meeting and tells the host once when killed at ${step}`, async () => {
      const agent = await agentFor(t.app, t.deps.db, ada, clock());
      const ev = await makeEvent(t.deps.db, { creator: ada });
      const name = `Deleted, killed at ${step}`;
      const room = await createZoomRoom(t, agent, ev.id, { name, form: { hostUserId: grace.id } });
      expect(await mailsTo(grace, 'created a meeting for you')).not.toEqual([]);
      await killAt(
        step,
        () => agent.post(`/api/events/${ev.id}/vc/links/${room.linkId}/delete-room`),
        inTransaction,
      );
      // After the restart, the dead request's claim on the room runs out.
      clock.advance(DELETION_CLAIM_MS + 1000);
      await settleJobs(t);
      await expectNothingLost(t);
      const [row] = await t.deps.db.select().from(vcRooms).where(eq(vcRooms.id, room.roomId));
      expect(row?.status).toBe('deleted');
      expect(
        sandboxOf(t)
          .meetings.all()
          .filter((m) => m.topic === name),
      ).toEqual([]);
      expect(await mailsTo(grace, `Your meeting was deleted: ${name}`)).toHaveLength(1);
    });
  }
});

describe('concurrent deletions of one room across two instances', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let second: Awaited<ReturnType<typeof buildSecondApp>>;
  let ada: MadeUser;
  let grace: MadeUser;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    ada = await zoomPerson(t, 'Ada Lovelace');
    grace = await zoomPerson(t, 'Grace Hopper');
    await writeZoomSettings(t, { sendHostUrl: true });
    // The second instance reaches the first one's sandbox over loopback, as it would reach Zoom.
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const sandbox = t.app.zoomSandbox;
    if (!sandbox) throw new Error('no sandbox');
    second = await buildSecondApp(t, {
      clock,
      config: {
        zoom: {
          accountId: sandbox.credentials.accountId,
          clientId: sandbox.credentials.clientId,
          clientSecret: sandbox.credentials.clientSecret,
          webhookSecret: undefined,
          oauthTokenUrl: `${url}/zoom-sandbox/oauth/token`,
          apiBaseUrl: `${url}/zoom-sandbox/v2`,
          timeoutMs: 10_000,
        },
      },
    });
  });
  afterAll(async () => {
    await second?.close();
  });

  it('make exactly one DELETE at Zoom and one e-mail to the host', async () => {
    const agentA = await agentFor(t.app, t.deps.db, ada, clock());
    const agentB = await agentFor(second.app, second.deps.db, ada, clock());
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const room = await createZoomRoom(t, agentA, ev.id, {
      name: 'Contested',
      form: { hostUserId: grace.id },
    });
    const before = sandboxOf(t).requests.entries.length;
    const url = `/api/events/${ev.id}/vc/links/${room.linkId}/delete-room`;
    const answers = await Promise.all([
      agentA.post(url),
      agentB.post(url),
      agentA.post(url),
      agentB.post(url),
    ]);
    // A request that reads the room once another marked it deleted is refused (it may no longer delete it).
    const codes = answers.map((a) => a.statusCode);
    expect(codes).toContain(200);
    expect(codes.filter((c) => c !== 200 && c !== 403)).toEqual([]);
    await settleJobs(t);
    await settleJobs({ ...t, app: second.app, deps: second.deps });
    const deletes = sandboxOf(t)
      .requests.entries.slice(before)
      .filter((e) => e.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(
      (await outbox(t)).filter((m) => m.subject.startsWith('[Zoom] Your meeting was deleted')),
    ).toHaveLength(1);
    const [row] = await t.deps.db.select().from(vcRooms).where(eq(vcRooms.id, room.roomId));
    expect(row?.status).toBe('deleted');
  });
});
