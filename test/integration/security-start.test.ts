// Only the Zoom host gets a start link, which carries the host's Zoom token (zak); an alternative host
// starts the meeting as themselves, through the join link; managers and admins who are neither cannot start.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';
import { createZoomRoom, nextSecond, settleSandboxUsers, zoomPerson } from '../support/zoom-rooms';

interface Item {
  label: string;
  value: string;
}

describe('starting a Zoom meeting', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let grace: MadeUser;
  let carol: MadeUser;
  let host: Agent;
  let alternative: Agent;
  let coManager: Agent;
  let admin: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    grace = await zoomPerson(t, 'Grace Hopper');
    carol = await makeUser(t.deps.db, { name: 'Carol Comanager' });
    host = await agentFor(t.app, t.deps.db, ada, clock());
    alternative = await agentFor(t.app, t.deps.db, grace, clock());
    coManager = await agentFor(t.app, t.deps.db, carol, clock());
    admin = await agentFor(t.app, t.deps.db, await makeUser(t.deps.db, { isAdmin: true }), clock());
  });
  beforeEach(() => nextSecond(t, clock));

  async function room() {
    const ev = await makeEvent(t.deps.db, { creator: ada, managers: [carol] });
    const r = await createZoomRoom(t, host, ev.id, {
      name: 'Hosted by Ada',
      form: { alternativeHostIds: [grace.id] },
    });
    return { ev, ...r };
  }
  const startItem = async (agent: Agent, eventId: number): Promise<Item | undefined> => {
    const shown = (await agent.get(`/api/events/${eventId}`)).json().extensions.vc.rooms[0];
    const hosts = shown.details.sections.find((s: { title: string }) => s.title === 'For hosts');
    return hosts?.items.find((i: Item) => i.label === 'Start the meeting');
  };

  it('redirects the host to a start link carrying the zak', async () => {
    const r = await room();
    const res = await host.get(`/api/vc/zoom/rooms/${r.roomId}/start`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toMatch(/\?zak=/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await startItem(host, r.ev.id)).toBeDefined();
  });

  it('sends an alternative host to the join link, never to the host’s start link', async () => {
    const r = await room();
    const res = await alternative.get(`/api/vc/zoom/rooms/${r.roomId}/start`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(r.data.joinUrl);
    expect(res.headers.location).not.toContain('zak=');
    expect(await startItem(alternative, r.ev.id)).toBeDefined();
  });

  it('neither shows Start to nor starts for a co-manager or an administrator who is not a host', async () => {
    const r = await room();
    for (const agent of [coManager, admin]) {
      const res = await agent.get(`/api/vc/zoom/rooms/${r.roomId}/start`);
      expect(res.statusCode).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(await startItem(agent, r.ev.id)).toBeUndefined();
    }
  });
});
