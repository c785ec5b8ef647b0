// Two apps in one process (tests, a CLI beside a server): each owns its registries, providers and settings.
import { describe, expect, it } from 'vitest';
import { testRoomsProvider } from '../../src/server/vc/providers/test';
import { useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, makeUser } from '../support/factories';
import { createRoomRequest, enableTestRooms, testRooms } from '../support/vc';

describe('two apps built in one process', () => {
  const a = useTestApp();
  // The second app has Test rooms only, and its own database (so its own settings).
  const b = useTestApp({ vcProviders: (_app, deps) => [testRoomsProvider(deps)] });

  it('keep their own providers', async () => {
    expect(
      a.app.vc.providers
        .all()
        .map((p) => p.name)
        .sort(),
    ).toEqual(['test', 'zoom']);
    expect(b.app.vc.providers.all().map((p) => p.name)).toEqual(['test']);
    const user = await makeUser(a.database.db);
    const ev = await makeEvent(a.database.db, { creator: user });
    const agent = await agentFor(a.app, a.database.db, user);
    expect((await agent.get(`/api/events/${ev.id}/vc/providers/zoom/form`)).statusCode).toBe(200);
    const other = await makeUser(b.database.db);
    const otherEv = await makeEvent(b.database.db, { creator: other });
    const otherAgent = await agentFor(b.app, b.database.db, other);
    expect((await otherAgent.get(`/api/events/${otherEv.id}/vc/providers/zoom/form`)).statusCode).toBe(404);
  });

  it('keep their own settings and their providers’ own state', async () => {
    await enableTestRooms(a);
    const user = await makeUser(a.database.db);
    const ev = await makeEvent(a.database.db, { creator: user });
    const agent = await agentFor(a.app, a.database.db, user);
    const other = await makeUser(b.database.db);
    const otherEv = await makeEvent(b.database.db, { creator: other });
    const otherAgent = await agentFor(b.app, b.database.db, other);
    // Enabled in the first app's database only.
    expect((await createRoomRequest(otherAgent, otherEv.id)).statusCode).toBe(404);
    await enableTestRooms(b);
    testRooms(a).failNext('create', { message: 'The first app’s service is down' });
    expect((await createRoomRequest(otherAgent, otherEv.id)).statusCode).toBe(201);
    const failed = await createRoomRequest(agent, ev.id);
    expect(failed.json().error.message).toContain('The first app’s service is down');
    expect(testRooms(a)).not.toBe(testRooms(b));
  });

  it('run only their own hooks, clone steps and display extensions', async () => {
    const seen: string[] = [];
    const offs = [
      a.app.eventExtensions.hooks.on('eventDeleted', 'probe', ({ event }) => void seen.push(`a:${event.id}`)),
      a.app.eventExtensions.cloneSteps.register({
        id: 'probe',
        label: 'Probe',
        defaultOn: false,
        isAvailable: () => true,
        run: async () => undefined,
      }),
      a.app.eventExtensions.displays.register({ id: 'probe', load: async () => 'a' }),
    ];
    try {
      const other = await makeUser(b.database.db);
      const otherEv = await makeEvent(b.database.db, { creator: other });
      const otherAgent = await agentFor(b.app, b.database.db, other);
      const options = (await otherAgent.get(`/api/events/${otherEv.id}/clone-options`)).json().options;
      expect(options.map((o: { id: string }) => o.id)).not.toContain('probe');
      expect(Object.keys((await otherAgent.get(`/api/events/${otherEv.id}`)).json().extensions)).toEqual([
        'vc',
      ]);
      expect((await otherAgent.delete(`/api/events/${otherEv.id}`)).statusCode).toBe(204);
      expect(seen).toEqual([]);

      const user = await makeUser(a.database.db);
      const ev = await makeEvent(a.database.db, { creator: user });
      const agent = await agentFor(a.app, a.database.db, user);
      const mine = (await agent.get(`/api/events/${ev.id}/clone-options`)).json().options;
      expect(mine.map((o: { id: string }) => o.id)).toContain('probe');
      expect((await agent.get(`/api/events/${ev.id}`)).json().extensions.probe).toBe('a');
      expect((await agent.delete(`/api/events/${ev.id}`)).statusCode).toBe(204);
      expect(seen).toEqual([`a:${ev.id}`]);
    } finally {
      for (const off of offs) off();
    }
  });
});
