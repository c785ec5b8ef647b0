// Text that PostgreSQL cannot store (lone UTF-16 surrogates, NUL) is refused at the edge with 422 naming the
// field, made well formed when it comes from Zoom, and never takes a job or the process down.
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWellFormedText } from '../../src/contracts/text';
import { storableJobError } from '../../src/server/jobs/jobs';
import { zoomWebhookSignature } from '../../src/server/vc/zoom/webhook-signature';
import { type Agent, fakeClock, runJobs, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import {
  createZoomRoom,
  createZoomRoomRequest,
  editZoomRoom,
  nextSecond,
  roomRow,
  sandboxOf,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

const LONE = 'Lone \ud800 x';

describe('well-formed text everywhere', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let agent: Agent;
  let admin: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
    admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }), clock());
  });
  beforeEach(async () => {
    await nextSecond(t, clock);
    await runJobs(t);
  });

  const failedJobs = async () =>
    (
      await t.deps.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE last_error IS NOT NULL OR locked_at IS NOT NULL`,
      )
    ).rows[0]?.n;

  it('refuses a room name with a lone surrogate with 422 naming the field, and sends nothing to Zoom', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const before = sandboxOf(t).countRequests();
    const res = await createZoomRoomRequest(agent, ev.id, { name: LONE });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'name', message: 'must be well-formed text (no NUL character or lone surrogate)' },
    ]);
    expect(sandboxOf(t).countRequests()).toBe(before);
  });

  it('refuses a lone surrogate or a NUL in a room rename, an event title and a query parameter with 422', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Well named' });
    const rename = await editZoomRoom(agent, ev.id, r.linkId, { name: LONE });
    expect(rename.statusCode, rename.body).toBe(422);
    expect(rename.json().error.fields[0].field).toBe('room.name');

    const event = (await agent.get(`/api/events/${ev.id}`)).json();
    const title = await agent.patch(`/api/events/${ev.id}`, { title: 'A\u0000B', version: event.version });
    expect(title.statusCode, title.body).toBe(422);
    expect(title.json().error.fields[0].field).toBe('title');

    const list = await admin.get('/api/admin/vc/rooms?provider=%00');
    expect(list.statusCode, list.body).toBe(422);
    expect(list.json().error.fields[0].field).toBe('query.provider');
  });

  it('stores a meeting renamed on Zoom to a lone surrogate as well-formed text, and the job succeeds', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Renamed on zoom.us' });
    await runJobs(t);
    // Someone renames the meeting on zoom.us; Zoom notifies meeting.updated and the job re-reads the meeting.
    await (await t.app.zoom.client()).updateMeeting(r.data.meetingId, { topic: LONE });
    await sandboxOf(t).webhooks.idle();
    await runJobs(t);
    expect((await roomRow(t, r.roomId)).name).toBe('Lone \ufffd x');
    expect(await failedJobs()).toBe(0);
    expect((await agent.get(`/api/events/${ev.id}`)).statusCode).toBe(200);
  });

  it('answers 400 to a signed notification nesting thousands of objects', async () => {
    const secret = t.app.zoomSandbox?.credentials.webhookSecret ?? '';
    const raw = `{"event":"meeting.updated","payload":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/vc/zoom/webhook',
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomWebhookSignature(secret, timestamp, raw),
      },
      payload: raw,
    });
    expect(res.statusCode, res.body).toBe(400);
  });

  it('records a failed job’s error as bounded, well-formed text', () => {
    const err = storableJobError(new Error(`${LONE}\u0000${'x'.repeat(10_000)}`));
    expect(err.message.length).toBeLessThanOrEqual(2000);
    expect(isWellFormedText(err.message)).toBe(true);
    expect(err.message).not.toContain('\u0000');
    expect(isWellFormedText(err.stack ?? '')).toBe(true);
  });
});
