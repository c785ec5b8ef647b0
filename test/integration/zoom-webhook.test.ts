import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../src/contracts/vc-zoom';
import type { ZoomWebhookEvent } from '../../src/server/vc/zoom/webhook-dispatcher';
import { zoomEncryptedToken, zoomWebhookSignature } from '../../src/server/vc/zoom/webhook-signature';
import { fakeClock, runJobs, type TestApp, testConfig, useTestApp } from '../support/app';
import { agentFor, makeUser } from '../support/factories';

const PATH = '/api/vc/zoom/webhook';

/** A notification signed with `secret` at the app's current time (or `at`). */
function signed(t: TestApp, secret: string, body: object | string, at = t.deps.clock()) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    method: 'POST' as const,
    url: PATH,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': zoomWebhookSignature(secret, timestamp, raw),
    },
    payload: raw,
  };
}

const deleted = (id: number, eventTs = 1_895_000_000_000) => ({
  event: 'meeting.deleted',
  event_ts: eventTs,
  payload: { account_id: 'acct', object: { id, uuid: 'abc==', topic: 'Gone', type: 2 } },
});

describe('the Zoom webhook (sandbox mode)', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  const received: ZoomWebhookEvent[] = [];
  const unsubscribe: Array<() => void> = [];
  const subscribe = (event: string) =>
    unsubscribe.push(
      t.app.zoom.webhooks.on(event, async (e) => {
        received.push(e);
      }),
    );
  const sandbox = () => {
    const s = t.app.zoomSandbox;
    if (!s) throw new Error('the sandbox is not running');
    return s;
  };
  const secret = () => sandbox().credentials.webhookSecret ?? '';

  afterEach(async () => {
    for (const off of unsubscribe.splice(0)) off();
    await runJobs(t);
    received.length = 0;
  });

  it('accepts a correctly signed notification and hands it to the subscriber in a job', async () => {
    subscribe('meeting.deleted');
    const res = await t.app.inject(signed(t, secret(), deleted(81234567890)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect(received).toEqual([]);
    await runJobs(t);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      event: 'meeting.deleted',
      eventTs: 1_895_000_000_000,
      meetingId: 81234567890,
      object: { id: 81234567890, topic: 'Gone' },
      payload: { account_id: 'acct' },
    });
  });

  it('refuses a notification whose signature does not match, with 401', async () => {
    subscribe('meeting.deleted');
    const request = signed(t, 'not-the-secret', deleted(81234567891));
    const res = await t.app.inject(request);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('The Zoom signature does not match this notification.');
    const tampered = signed(t, secret(), deleted(81234567891));
    tampered.payload = tampered.payload.replace('Gone', 'Here');
    expect((await t.app.inject(tampered)).statusCode).toBe(401);
  });

  it('refuses a notification signed more than five minutes ago, or ahead', async () => {
    subscribe('meeting.deleted');
    const stale = signed(t, secret(), deleted(81234567892), new Date(clock().getTime() - 301_000));
    expect((await t.app.inject(stale)).statusCode).toBe(401);
    const ahead = signed(t, secret(), deleted(81234567892), new Date(clock().getTime() + 301_000));
    expect((await t.app.inject(ahead)).statusCode).toBe(401);
    const recent = signed(t, secret(), deleted(81234567892), new Date(clock().getTime() - 290_000));
    expect((await t.app.inject(recent)).statusCode).toBe(200);
  });

  it('processes a replayed delivery once, and refuses the replay once it is outside the window', async () => {
    subscribe('meeting.deleted');
    const request = signed(t, secret(), deleted(81234567893));
    expect((await t.app.inject(request)).json()).toEqual({ status: 'accepted' });
    expect((await t.app.inject(request)).json()).toEqual({ status: 'duplicate' });
    // Zoom's retry: the same notification signed again later.
    clock.advance(60_000);
    expect((await t.app.inject(signed(t, secret(), deleted(81234567893)))).json()).toEqual({
      status: 'duplicate',
    });
    await runJobs(t);
    expect(received).toHaveLength(1);
    clock.advance(300_000);
    expect((await t.app.inject(request)).statusCode).toBe(401);
  });

  it('answers the endpoint.url_validation challenge', async () => {
    const body = {
      event: 'endpoint.url_validation',
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: 1,
    };
    const res = await t.app.inject(signed(t, secret(), body));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: zoomEncryptedToken(secret(), 'qgg8vlvZRS6UYooatFL8Aw'),
    });
    await expect(sandbox().state.validateWebhookUrl()).resolves.toMatchObject({ ok: true });
  });

  it('answers 401, not 500, to a request without the signature headers', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: PATH,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(deleted(1)),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('x-zm-signature');
    const empty = await t.app.inject({ method: 'POST', url: PATH });
    expect(empty.statusCode).toBe(401);
    const garbled = signed(t, secret(), deleted(1));
    garbled.headers['x-zm-request-timestamp'] = 'soon';
    expect((await t.app.inject(garbled)).statusCode).toBe(401);
  });

  it('answers 400 to a signed body that is not a Zoom event', async () => {
    expect((await t.app.inject(signed(t, secret(), 'not json'))).statusCode).toBe(400);
    expect((await t.app.inject(signed(t, secret(), { payload: {} }))).statusCode).toBe(400);
  });

  it('acknowledges events nobody subscribed to, without a job', async () => {
    const before = await t.deps.db.execute(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    const res = await t.app.inject(signed(t, secret(), { ...deleted(5), event: 'recording.completed' }));
    expect(res.json()).toEqual({ status: 'ignored' });
    const after = await t.deps.db.execute(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    expect(after.rows).toEqual(before.rows);
  });

  it('reads a meeting id sent as a string (started/ended events) as the same number', async () => {
    subscribe('meeting.started');
    const body = {
      event: 'meeting.started',
      event_ts: 1_895_000_000_001,
      payload: { object: { id: '81234567894', uuid: 'x==', start_time: '2030-01-15T09:00:00Z' } },
    };
    await t.app.inject(signed(t, secret(), body));
    await runJobs(t);
    expect(received[0]?.meetingId).toBe(81234567894);
  });

  it('retries the job when a handler fails, until it succeeds', async () => {
    let calls = 0;
    unsubscribe.push(
      t.app.zoom.webhooks.on('meeting.updated', async () => {
        calls++;
        if (calls === 1) throw new Error('database hiccup');
      }),
    );
    const body = {
      event: 'meeting.updated',
      event_ts: 7,
      payload: { object: { id: 81234567895, topic: 'New' } },
    };
    await t.app.inject(signed(t, secret(), body));
    await runJobs(t);
    expect(calls).toBe(1);
    await t.deps.db.execute(sql`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await runJobs(t);
    expect(calls).toBe(2);
  });

  it('verifies and dispatches a real delivery from the in-process sandbox', async () => {
    subscribe('meeting.deleted');
    const { state } = sandbox();
    state.addUser({ email: 'webhook-host@example.org' });
    const client = await t.app.zoom.client();
    expect(await t.app.zoom.client()).toBe(client);
    const meeting = await client.createMeeting('webhook-host@example.org', { topic: 'To delete', type: 3 });
    state.deleteMeetingOnZoom(meeting.id);
    await state.webhooks.idle();
    const delivery = state.webhooks.deliveries.find((d) => d.event === 'meeting.deleted');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: [{ status: 200 }] });
    await runJobs(t);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event: 'meeting.deleted', meetingId: meeting.id });
    expect(typeof received[0]?.meetingId).toBe('number');
  });
});

describe('the Zoom webhook with Zoom credentials', () => {
  const t = useTestApp({
    config: { zoom: { ...testConfig().zoom, accountId: 'acct', clientId: 'client', clientSecret: 'secret' } },
  });

  it('answers 503 while no webhook secret is configured, and verifies with the one the admin saves', async () => {
    const before = await t.app.inject(signed(t, 'whsec-admin', deleted(1)));
    expect(before.statusCode).toBe(503);
    expect(before.json().error.message).toContain('webhook secret token');

    const admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }));
    const saved = await admin.put('/api/admin/vc/zoom/settings', {
      ...ZOOM_SETTINGS_DEFAULTS,
      webhookSecret: 'whsec-admin',
    });
    expect(saved.statusCode).toBe(200);
    // The Zoom provider subscribes to meeting.deleted: the notification is accepted (meeting 1 is unknown).
    expect((await t.app.inject(signed(t, 'whsec-admin', deleted(1)))).json()).toEqual({ status: 'accepted' });
    expect((await t.app.inject(signed(t, 'whsec-other', deleted(1)))).statusCode).toBe(401);
  });
});
