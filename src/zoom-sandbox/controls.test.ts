import { describe, expect, it } from 'vitest';
import { buildZoomSandbox } from './index';
import { createSandboxState } from './state';
import { CREDENTIALS, createMeeting, makeSandbox, requestToken } from './test-helpers';

describe('injected faults', () => {
  it('fail the next N matching calls with the given status and body, then stop', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    sandbox.state.injectFault({
      method: 'GET',
      path: '/v2/meetings/*',
      times: 2,
      status: 502,
      body: { code: 502, message: 'Bad gateway' },
      headers: { 'x-fault': 'yes' },
    });
    expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(200);
    expect((await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { topic: 'x' })).statusCode).toBe(204);
    for (let i = 0; i < 2; i++) {
      const res = await sandbox.call('GET', `/v2/meetings/${m.id}`);
      expect(res.statusCode).toBe(502);
      expect(res.json()).toEqual({ code: 502, message: 'Bad gateway' });
      expect(res.headers['x-fault']).toBe('yes');
    }
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).statusCode).toBe(200);
  });

  it('apply to the token endpoint too, and show in the request log', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.injectFault({ path: '/oauth/token', status: 500 });
    expect((await requestToken(sandbox.app)).statusCode).toBe(500);
    expect((await requestToken(sandbox.app)).statusCode).toBe(200);
    expect(sandbox.state.requests.find({ path: '/oauth/token' }).map((r) => r.status)).toEqual([500, 200]);
  });

  it('can match paths by regular expression', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.injectFault({ path: /^\/v2\/users\/[^/]+$/, status: 503 });
    expect((await sandbox.call('GET', '/v2/users/me/settings')).statusCode).toBe(200);
    expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(503);
  });

  it('can slow a call down and then let it through', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.injectFault({ path: '/v2/users/me', delayMs: 60 });
    const started = Date.now();
    const res = await sandbox.call('GET', '/v2/users/me');
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('can drop the connection without an answer or any processing', async () => {
    const sandbox = await makeSandbox();
    await sandbox.token();
    sandbox.state.injectFault({ path: '/v2/users/me', dropConnection: true });
    await expect(sandbox.call('GET', '/v2/users/me')).rejects.toThrow();
    expect(sandbox.state.requests.find({ path: '/v2/users/me' }).map((r) => r.status)).toEqual([0]);
    expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(200);
    const issued = sandbox.state.tokens.issuedCount;
    sandbox.state.injectFault({ path: '/oauth/token', dropConnection: true });
    await expect(requestToken(sandbox.app)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sandbox.state.tokens.issuedCount).toBe(issued);
  });

  it('are cleared by clearFaults', async () => {
    const sandbox = await makeSandbox();
    sandbox.state.injectFault({ status: 500, times: 10 });
    sandbox.state.clearFaults();
    expect((await requestToken(sandbox.app)).statusCode).toBe(200);
  });
});

describe('controls on the state object', () => {
  it('count calls per endpoint for "exactly N calls to X" assertions', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    await sandbox.call('GET', `/v2/meetings/${m.id}`);
    await sandbox.call('GET', `/v2/meetings/${m.id}`);
    expect(sandbox.state.countRequests({ method: 'GET', route: '/v2/meetings/:id' })).toBe(2);
    expect(sandbox.state.countRequests({ method: 'POST', path: '/v2/users/*/meetings' })).toBe(1);
    expect(sandbox.state.countRequests({ path: '/oauth/token' })).toBe(1);
  });

  it('start and end meetings, and delete them "on zoom.us"', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    expect(sandbox.state.startMeeting(m.id).status).toBe('started');
    expect(() => sandbox.state.startMeeting(m.id)).toThrow(/already started/);
    const ended = sandbox.state.endMeeting(m.id);
    expect(ended.status).toBe('waiting');
    expect(ended.uuid).not.toBe(m.uuid);
    sandbox.state.deleteMeetingOnZoom(m.id);
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().code).toBe(3001);
    expect(() => sandbox.state.endMeeting(m.id)).toThrow(/No meeting/);
  });

  it('move the clock, which expires tokens and start URLs', async () => {
    const sandbox = await makeSandbox();
    const token = await sandbox.token();
    sandbox.state.setClockOffset(2 * 3600_000);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, token)).json().message).toBe(
      'Access token is expired.',
    );
    sandbox.state.setClockOffset(0);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, token)).statusCode).toBe(200);
  });

  it('reset to the seeded users and credentials, forgetting everything else', async () => {
    const sandbox = await makeSandbox();
    await createMeeting(sandbox);
    sandbox.state.addUser({ email: 'temporary@example.org' });
    sandbox.state.withholdScopes(['user:read:user:admin']);
    sandbox.state.injectFault({ status: 500, times: 100, path: '/v2/*' });
    sandbox.state.advanceClock(5000);
    sandbox.state.reset();
    expect(sandbox.state.meetings.all()).toEqual([]);
    expect(sandbox.state.requests.entries).toEqual([]);
    expect(sandbox.state.tokenRequestCount).toBe(0);
    expect(sandbox.state.clock.offset).toBe(0);
    expect(sandbox.state.users.all().map((u) => u.id)).toEqual([sandbox.owner.id]);
    const token = await sandbox.token();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, token)).json().id).toBe(sandbox.owner.id);
  });
});

describe('/_sandbox routes', () => {
  it('answer 404 when test controls are off', async () => {
    const app = await buildZoomSandbox({ credentials: CREDENTIALS });
    for (const [method, url] of [
      ['GET', '/_sandbox/state'],
      ['POST', '/_sandbox/reset'],
      ['POST', '/_sandbox/faults'],
    ] as const) {
      expect((await app.inject({ method, url })).statusCode).toBe(404);
    }
  });

  it('drive the same controls over HTTP when on', async () => {
    const sandbox = await makeSandbox();
    const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      sandbox.app.inject({
        method,
        url,
        ...(payload === undefined
          ? {}
          : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
      });
    const m = await createMeeting(sandbox);

    expect((await inject('POST', `/_sandbox/meetings/${m.id}/start`)).json()).toEqual({ status: 'started' });
    expect((await sandbox.call('GET', `/v2/meetings/${m.id}`)).json().status).toBe('started');
    expect((await inject('POST', `/_sandbox/meetings/${m.id}/end`)).json()).toEqual({ status: 'waiting' });
    expect((await inject('POST', `/_sandbox/meetings/${m.id}/end`)).statusCode).toBe(409);
    expect((await inject('POST', '/_sandbox/meetings/123/start')).statusCode).toBe(404);

    expect((await inject('POST', '/_sandbox/faults', { path: '/v2/users/me', status: 500 })).statusCode).toBe(
      201,
    );
    expect((await sandbox.call('GET', '/v2/users/me')).statusCode).toBe(500);
    expect((await inject('POST', '/_sandbox/faults', { status: 'bad' })).statusCode).toBe(400);

    expect(
      (await inject('PUT', '/_sandbox/scopes/withheld', { scopes: ['user:read:user:admin'] })).statusCode,
    ).toBe(200);
    const limited = await sandbox.token();
    expect((await sandbox.call('GET', '/v2/users/me', undefined, limited)).json().code).toBe(4711);

    expect((await inject('POST', '/_sandbox/tokens/revoke')).statusCode).toBe(204);
    expect((await sandbox.call('GET', '/v2/users/me', undefined, limited)).json().code).toBe(124);

    expect((await inject('PUT', '/_sandbox/clock', { offsetMs: 60_000 })).json()).toMatchObject({
      offsetMs: 60_000,
      now: '2026-03-02T10:01:00.000Z',
    });
    expect((await inject('POST', '/_sandbox/clock/advance', { ms: 1000 })).json().offsetMs).toBe(61_000);

    expect((await inject('POST', `/_sandbox/meetings/${m.id}/convert-to-webinar`)).json()).toEqual({
      id: m.id,
      type: 5,
    });
    expect((await inject('DELETE', `/_sandbox/meetings/${m.id}`)).statusCode).toBe(204);

    const log = (await inject('GET', '/_sandbox/requests')).json().requests;
    expect(log.some((r: { path: string }) => r.path.startsWith('/_sandbox'))).toBe(false);
    expect((await inject('GET', '/_sandbox/state')).json()).toMatchObject({ meetings: 0, users: 1 });
    expect((await inject('POST', '/_sandbox/reset')).statusCode).toBe(204);
    expect((await inject('GET', '/_sandbox/state')).json()).toMatchObject({
      clockOffsetMs: 0,
      tokenRequests: 0,
    });
  });

  it('can be served from a state created by the caller', async () => {
    const state = createSandboxState({ credentials: CREDENTIALS, testControls: true });
    const app = await buildZoomSandbox({ state });
    expect((await app.inject({ method: 'GET', url: '/_sandbox/state' })).statusCode).toBe(200);
  });
});
