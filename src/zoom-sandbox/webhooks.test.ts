import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, makeSandbox, T0 } from './test-helpers';
import type { WebhookOptions } from './types';
import { DEFAULT_RETRY_DELAYS_MS, encryptPlainToken } from './webhooks';

const SECRET = 'webhook-secret-token';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  /** How the receiver answers each request: status and JSON body. */
  answer: (body: string) => { status: number; json?: unknown };
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer: () => ({ status: 200 }) };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body });
      const { status, json } = receiver.answer(body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver has no port');
  receiver.url = `http://127.0.0.1:${address.port}/zoom/webhook`;
  return receiver;
}

function verify(received: Received): boolean {
  const timestamp = String(received.headers['x-zm-request-timestamp']);
  const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${received.body}`).digest('hex')}`;
  return received.headers['x-zm-signature'] === expected;
}

async function sandboxWithReceiver(webhook: Partial<WebhookOptions> = {}) {
  const receiver = await startReceiver();
  const sandbox = await makeSandbox({ webhook: { url: receiver.url, secretToken: SECRET, ...webhook } });
  const events = () => receiver.received.map((r) => JSON.parse(r.body));
  return { receiver, sandbox, events };
}

describe('webhook delivery', () => {
  it('sends meeting.created in Zoom’s envelope, signed with v0 and a numeric id', async () => {
    const { receiver, sandbox, events } = await sandboxWithReceiver();
    const m = await createMeeting(sandbox, { start_time: '2026-03-10T10:00:00Z', password: 'pw1234' });
    await sandbox.state.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    const [received] = receiver.received;
    if (!received) throw new Error('nothing received');
    expect(verify(received)).toBe(true);
    expect(received.headers['x-zm-request-timestamp']).toBe(String(Math.floor(T0 / 1000)));
    expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(events()[0]).toEqual({
      event: 'meeting.created',
      event_ts: T0,
      payload: {
        account_id: 'acct-main',
        operator: sandbox.owner.email,
        operator_id: sandbox.owner.id,
        object: expect.objectContaining({
          id: m.id,
          uuid: m.uuid,
          host_id: m.host_id,
          topic: 'Weekly sync',
          type: 2,
          start_time: '2026-03-10T10:00:00Z',
          join_url: m.join_url,
          password: 'pw1234',
        }),
      },
    });
    expect(sandbox.state.webhooks.deliveries[0]).toMatchObject({
      event: 'meeting.created',
      status: 'delivered',
    });
  });

  it('sends meeting.updated with only the changed fields, their old values and time_stamp', async () => {
    const { sandbox, events } = await sandboxWithReceiver({ events: ['meeting.updated'] });
    const m = await createMeeting(sandbox, { topic: 'Before', settings: { mute_upon_entry: false } });
    await sandbox.call('PATCH', `/v2/meetings/${m.id}`, {
      topic: 'After',
      settings: { mute_upon_entry: true },
    });
    await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { topic: 'After' });
    await sandbox.state.webhooks.idle();
    expect(events()).toHaveLength(1);
    expect(events()[0].payload).toEqual({
      account_id: 'acct-main',
      operator: sandbox.owner.email,
      operator_id: sandbox.owner.id,
      object: { id: m.id, topic: 'After', settings: { mute_upon_entry: true } },
      old_object: { id: m.id, topic: 'Before', settings: { mute_upon_entry: false } },
      time_stamp: T0,
    });
  });

  it('sends meeting.deleted with a numeric id, and started/ended with a string id', async () => {
    const { sandbox, events } = await sandboxWithReceiver({
      events: ['meeting.started', 'meeting.ended', 'meeting.deleted'],
    });
    const m = await createMeeting(sandbox, { duration: 30 });
    sandbox.state.startMeeting(m.id);
    sandbox.state.advanceClock(20 * 60_000);
    sandbox.state.endMeeting(m.id);
    await sandbox.call('DELETE', `/v2/meetings/${m.id}`);
    await sandbox.state.webhooks.idle();
    const [started, ended, deleted] = events();
    expect(started.event).toBe('meeting.started');
    expect(started.payload.object).toMatchObject({ id: String(m.id), start_time: '2026-03-02T10:00:00Z' });
    expect(ended.event).toBe('meeting.ended');
    expect(ended.payload.object).toMatchObject({ id: String(m.id), end_time: '2026-03-02T10:20:00Z' });
    expect(deleted.event).toBe('meeting.deleted');
    expect(deleted.payload.object).toMatchObject({ id: m.id, topic: 'Weekly sync', type: 2 });
  });

  it('sends webinar.* events for webinars', async () => {
    const { sandbox, events } = await sandboxWithReceiver();
    const w = await createMeeting(sandbox, {}, 'me', 'webinars');
    sandbox.state.deleteMeetingOnZoom(w.id);
    await sandbox.state.webhooks.idle();
    expect(events().map((e) => e.event)).toEqual(['webinar.created', 'webinar.deleted']);
    expect(events()[1].payload.object.id).toBe(w.id);
  });

  it('retries a failed delivery after each configured delay, then reports it delivered', async () => {
    const { receiver, sandbox } = await sandboxWithReceiver({ retryDelaysMs: [30, 60, 90] });
    const statuses = [500, 503];
    receiver.answer = () => ({ status: statuses.shift() ?? 204 });
    const started = Date.now();
    await createMeeting(sandbox);
    await sandbox.state.webhooks.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every(verify)).toBe(true);
    const [delivery] = sandbox.state.webhooks.deliveries;
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 204]);
  });

  it('gives up after the first attempt and one retry per delay', async () => {
    const { receiver, sandbox } = await sandboxWithReceiver({ retryDelaysMs: [5, 5, 5] });
    receiver.answer = () => ({ status: 500 });
    await createMeeting(sandbox);
    await sandbox.state.webhooks.idle();
    expect(receiver.received).toHaveLength(4);
    expect(sandbox.state.webhooks.deliveries[0]?.status).toBe('failed');
  });

  it('retries Zoom’s schedule by default: 5, 20 and 60 minutes', () => {
    expect(DEFAULT_RETRY_DELAYS_MS).toEqual([5 * 60_000, 20 * 60_000, 60 * 60_000]);
  });

  it('treats an endpoint slower than the timeout as failed', async () => {
    let calls = 0;
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        calls++;
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const sandbox = await makeSandbox({
      webhook: { url: 'http://127.0.0.1:9/hook', secretToken: SECRET, retryDelaysMs: [5], timeoutMs: 20 },
      fetch: hanging,
    });
    await createMeeting(sandbox);
    await sandbox.state.webhooks.idle();
    expect(calls).toBe(2);
    expect(sandbox.state.webhooks.deliveries[0]?.attempts.map((a) => a.error)).toEqual([
      'Timed out',
      'Timed out',
    ]);
  });

  it('never delays or fails an API request, even when the endpoint is down or hangs', async () => {
    const hanging: typeof fetch = () => new Promise(() => {});
    const sandbox = await makeSandbox({
      webhook: { url: 'http://127.0.0.1:9/hook', secretToken: SECRET, retryDelaysMs: [] },
      fetch: hanging,
    });
    const res = await sandbox.call('POST', '/v2/users/me/meetings', { topic: 'x' });
    expect(res.statusCode).toBe(201);
    expect(sandbox.state.webhooks.deliveries[0]?.status).toBe('pending');
    sandbox.state.close();
    const down = await makeSandbox({
      webhook: { url: 'http://127.0.0.1:9/hook', secretToken: SECRET, retryDelaysMs: [] },
    });
    expect((await down.call('POST', '/v2/users/me/meetings', { topic: 'x' })).statusCode).toBe(201);
    await down.state.webhooks.idle();
    expect(down.state.webhooks.deliveries[0]).toMatchObject({
      status: 'failed',
      attempts: [{ error: expect.any(String) }],
    });
  });

  it('sends nothing when no webhook is configured', async () => {
    const sandbox = await makeSandbox();
    await createMeeting(sandbox);
    expect(sandbox.state.webhooks.deliveries).toEqual([]);
  });
});

describe('endpoint.url_validation', () => {
  it('reports success when the endpoint answers {plainToken, encryptedToken} correctly', async () => {
    const { receiver, sandbox } = await sandboxWithReceiver();
    receiver.answer = (body) => {
      const plainToken = JSON.parse(body).payload.plainToken;
      return { status: 200, json: { plainToken, encryptedToken: encryptPlainToken(SECRET, plainToken) } };
    };
    const res = await sandbox.app.inject({ method: 'POST', url: '/_sandbox/webhooks/validate' });
    expect(res.json()).toEqual({ ok: true, status: 200 });
    const [challenge] = receiver.received;
    if (!challenge) throw new Error('no challenge');
    expect(verify(challenge)).toBe(true);
    expect(JSON.parse(challenge.body)).toMatchObject({ event: 'endpoint.url_validation', event_ts: T0 });
  });

  it('reports failure when the endpoint answers something else', async () => {
    const { receiver, sandbox } = await sandboxWithReceiver();
    receiver.answer = (body) => ({
      status: 200,
      json: { plainToken: JSON.parse(body).payload.plainToken, encryptedToken: 'nope' },
    });
    expect(await sandbox.state.validateWebhookUrl()).toMatchObject({ ok: false, status: 200 });
    receiver.answer = () => ({ status: 403 });
    expect(await sandbox.state.validateWebhookUrl()).toMatchObject({ ok: false, status: 403 });
  });
});
