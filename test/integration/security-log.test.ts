// The server's log never holds a passcode, a join link's pwd, a start link's zak or a typed passcode: a full
// create → join → start → edit → delete flow with the built-in sandbox, read from the captured log lines.
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from '../../src/server/logger';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import { createRoom, enableTestRooms } from '../support/vc';
import {
  createZoomRoom,
  editZoomRoom,
  roomData,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

describe('secrets in the server log', () => {
  const clock = fakeClock();
  const options = loggerOptions('info');
  const t = useTestApp({
    clock,
    logger: typeof options === 'object' ? { ...options, stream: capture } : false,
  });
  let ada: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
    await enableTestRooms(t);
  });

  /** Follows a redirect into this server (the in-process sandbox's pages) as the same browser. */
  const follow = async (location: string | undefined) => {
    expect(location).toBeDefined();
    const url = new URL(location ?? '', t.deps.config.baseUrl);
    return agent.get(`${url.pathname}${url.search}`);
  };

  it('keeps passcodes, pwd, zak and typed passcodes out of every log line', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Logged flow', form: { passcode: 'Zk8pass77' } });
    const encrypted = new URL(r.data.joinUrl).searchParams.get('pwd') ?? '';
    expect(encrypted).not.toBe('');

    const join = await agent.get(`/event/${ev.id}/vc/${r.roomId}/join`);
    expect(join.statusCode).toBe(302);
    expect(join.headers.location).toContain('pwd=');
    await follow(join.headers.location as string);
    // The sandbox's passcode form, as a visitor without the link's pwd types it.
    const page = new URL(r.data.publicJoinUrl);
    await agent.get(`${page.pathname}?passcode=Zk8pass77`);

    const start = await agent.get(`/api/vc/zoom/rooms/${r.roomId}/start`);
    expect(start.statusCode).toBe(302);
    const zak = new URL(String(start.headers.location)).searchParams.get('zak') ?? '';
    expect(zak).not.toBe('');
    await follow(start.headers.location as string);

    const edit = await editZoomRoom(agent, ev.id, r.linkId, { form: { passcode: 'Nw9pass88' } });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = await roomData(t, r.roomId);
    const encryptedAfter = new URL(edited.joinUrl).searchParams.get('pwd') ?? '';

    // A Test room with a passcode, joined through its form.
    const test = await createRoom(agent, ev.id, { name: 'Test with code', form: { passcode: 'Tq3code55' } });
    const testJoin = await agent.get(`/event/${ev.id}/vc/${test.roomId}/join`);
    await follow(testJoin.headers.location as string);

    const del = await agent.delete(`/api/events/${ev.id}/vc/links/${r.linkId}?deleteRoom=true`);
    expect(del.statusCode, del.body).toBe(200);

    const log = lines.join('');
    expect(log).toContain('/start'); // the flow was logged at all
    for (const secret of ['Zk8pass77', 'Nw9pass88', 'Tq3code55', encrypted, encryptedAfter, zak])
      expect(log).not.toContain(secret);
    expect(log).not.toMatch(/(pwd|zak|passcode)=(?!\[redacted\])/);
  });

  it('redacts the values of secret query parameters and keeps the others', () => {
    expect(redactUrl('/j/123?pwd=abc&via=app')).toBe('/j/123?pwd=[redacted]&via=app');
    expect(redactUrl('/s/1?zak=eyJ')).toBe('/s/1?zak=[redacted]');
    expect(redactUrl('/x?Passcode=1&page=2&access_token=z')).toBe(
      '/x?Passcode=[redacted]&page=2&access_token=[redacted]',
    );
    expect(redactUrl('/api/events/1')).toBe('/api/events/1');
  });
});
