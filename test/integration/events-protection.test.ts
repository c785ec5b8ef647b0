import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

type Mode = 'public' | 'logged_in' | 'restricted';
type Who = 'anonymous' | 'stranger' | 'allowed' | 'manager' | 'admin';

interface Fixture {
  eventId: number;
  sessionId: number;
  blockId: number;
  contributionId: number;
}

interface Route {
  name: string;
  kind: 'read' | 'manage';
  call(agent: Agent, f: Fixture): ReturnType<Agent['get']>;
}

const e = (f: Fixture) => `/api/events/${f.eventId}`;

const ROUTES: Route[] = [
  { name: 'GET event page', kind: 'read', call: (a, f) => a.get(e(f)) },
  {
    name: 'GET contribution',
    kind: 'read',
    call: (a, f) => a.get(`${e(f)}/contributions/${f.contributionId}`),
  },
  { name: 'GET session block', kind: 'read', call: (a, f) => a.get(`${e(f)}/blocks/${f.blockId}`) },
  { name: 'PATCH event', kind: 'manage', call: (a, f) => a.patch(e(f), { version: 1, title: 'Renamed' }) },
  { name: 'DELETE event', kind: 'manage', call: (a, f) => a.delete(e(f)) },
  { name: 'GET protection', kind: 'manage', call: (a, f) => a.get(`${e(f)}/protection`) },
  {
    name: 'PUT protection',
    kind: 'manage',
    call: (a, f) => a.put(`${e(f)}/protection`, { version: 1, mode: 'restricted' }),
  },
  { name: 'GET log', kind: 'manage', call: (a, f) => a.get(`${e(f)}/log`) },
  { name: 'GET clone options', kind: 'manage', call: (a, f) => a.get(`${e(f)}/clone-options`) },
  {
    name: 'POST clone',
    kind: 'manage',
    call: (a, f) => a.post(`${e(f)}/clone`, { startDate: '2031-06-01T08:00:00Z' }),
  },
  { name: 'POST session', kind: 'manage', call: (a, f) => a.post(`${e(f)}/sessions`, { title: 'New' }) },
  {
    name: 'PATCH session',
    kind: 'manage',
    call: (a, f) => a.patch(`${e(f)}/sessions/${f.sessionId}`, { version: 1, title: 'Renamed' }),
  },
  { name: 'DELETE session', kind: 'manage', call: (a, f) => a.delete(`${e(f)}/sessions/${f.sessionId}`) },
  {
    name: 'POST block',
    kind: 'manage',
    call: (a, f) =>
      a.post(`${e(f)}/blocks`, {
        sessionId: f.sessionId,
        start: '2030-06-02T08:00:00Z',
        durationMinutes: 60,
      }),
  },
  {
    name: 'PATCH block',
    kind: 'manage',
    call: (a, f) => a.patch(`${e(f)}/blocks/${f.blockId}`, { version: 1, title: 'Renamed' }),
  },
  { name: 'DELETE block', kind: 'manage', call: (a, f) => a.delete(`${e(f)}/blocks/${f.blockId}`) },
  {
    name: 'POST contribution',
    kind: 'manage',
    call: (a, f) => a.post(`${e(f)}/contributions`, { title: 'New' }),
  },
  {
    name: 'PATCH contribution',
    kind: 'manage',
    call: (a, f) => a.patch(`${e(f)}/contributions/${f.contributionId}`, { version: 1, title: 'Renamed' }),
  },
  {
    name: 'DELETE contribution',
    kind: 'manage',
    call: (a, f) => a.delete(`${e(f)}/contributions/${f.contributionId}`),
  },
];

/** What each viewer gets, by route kind and protection mode; 'ok' is any 2xx. */
function expected(kind: Route['kind'], mode: Mode, who: Who): number | 'ok' {
  if (who === 'manager' || who === 'admin') return 'ok';
  if (who === 'anonymous') {
    if (kind === 'manage') return 401;
    return mode === 'public' ? 'ok' : mode === 'logged_in' ? 401 : 404;
  }
  const sees = mode !== 'restricted' || who === 'allowed';
  if (!sees) return 404;
  return kind === 'read' ? 'ok' : 403;
}

describe('protection of every events route', () => {
  const t = useTestApp();
  const users = {} as Record<Exclude<Who, 'anonymous'>, MadeUser>;
  const agents = {} as Record<Who, Agent>;

  beforeAll(async () => {
    users.stranger = await makeUser(t.database.db);
    users.allowed = await makeUser(t.database.db);
    users.manager = await makeUser(t.database.db);
    users.admin = await makeUser(t.database.db, { isAdmin: true });
    agents.anonymous = await agentFor(t.app, t.database.db, undefined);
    for (const who of ['stranger', 'allowed', 'manager', 'admin'] as const) {
      agents[who] = await agentFor(t.app, t.database.db, users[who]);
    }
  });

  async function fixture(mode: Mode): Promise<Fixture> {
    const db = t.database.db;
    const event = await makeEvent(db, {
      creator: users.manager,
      protectionMode: mode,
      allowedUsers: [users.allowed],
    });
    const session = await makeSession(db, { event });
    const block = await makeBlock(db, { event, session });
    const contribution = await makeContribution(db, { event, block });
    return { eventId: event.id, sessionId: session.id, blockId: block.id, contributionId: contribution.id };
  }

  const cases = (['public', 'logged_in', 'restricted'] as const).flatMap((mode) =>
    ROUTES.map((route) => ({ mode, route })),
  );

  it.each(cases)(
    '$route.name on a $mode event answers each viewer as its protection says',
    async ({ mode, route }) => {
      const shared = await fixture(mode);
      for (const who of ['anonymous', 'stranger', 'allowed', 'manager', 'admin'] as const) {
        const want = expected(route.kind, mode, who);
        // Writes that succeed change the fixture, so each successful viewer gets its own.
        const res = await route.call(agents[who], want === 'ok' ? await fixture(mode) : shared);
        if (want === 'ok') {
          expect(res.statusCode, `${who}: ${res.body}`).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, `${who}: ${res.body}`).toBeLessThan(300);
        } else {
          expect(res.statusCode, `${who}: ${res.body}`).toBe(want);
        }
      }
    },
  );

  it.each(ROUTES)(
    '$name answers 404 for an unknown and for a deleted event, even to an admin',
    async (route) => {
      const f = await fixture('public');
      const unknown = await route.call(agents.admin, { ...f, eventId: 999_999 });
      expect(unknown.statusCode).toBe(404);
      await agents.manager.delete(`/api/events/${f.eventId}`);
      const deleted = await route.call(agents.admin, f);
      expect(deleted.statusCode).toBe(404);
    },
  );

  it('answers 404 for a timetable item of another event, as if it did not exist', async () => {
    const mine = await fixture('public');
    const other = await fixture('public');
    const res = await agents.manager.get(`/api/events/${mine.eventId}/contributions/${other.contributionId}`);
    expect(res.statusCode).toBe(404);
    const patch = await agents.manager.patch(`/api/events/${mine.eventId}/blocks/${other.blockId}`, {
      version: 1,
      title: 'x',
    });
    expect(patch.statusCode).toBe(404);
  });

  it('lets only administrators read and set who may create events', async () => {
    for (const [who, want] of [
      ['anonymous', 401],
      ['stranger', 403],
      ['admin', 200],
    ] as const) {
      expect((await agents[who].get('/api/admin/events/creators')).statusCode).toBe(want);
      const put = await agents[who].put('/api/admin/events/creators', { restricted: false, userIds: [] });
      expect(put.statusCode).toBe(want);
    }
  });

  it('asks an anonymous visitor to log in before creating an event', async () => {
    const res = await agents.anonymous.post('/api/events', {
      title: 'x',
      start: '2030-01-01T10:00:00Z',
      end: '2030-01-01T12:00:00Z',
      timezone: 'UTC',
    });
    expect(res.statusCode).toBe(401);
  });

  it('shows speakers e-mail addresses to managers only', async () => {
    const db = t.database.db;
    const event = await makeEvent(db, { creator: users.manager });
    const speaker = await makeUser(db, { email: 'speaker@example.org' });
    await makeContribution(db, { event, speakers: [speaker] });
    const asStranger = await agents.stranger.get(`/api/events/${event.id}`);
    expect(asStranger.json().contributions[0].speakers[0]).toMatchObject({ name: speaker.name, email: null });
    expect(asStranger.json().event.can).toEqual({ manage: false });
    const asManager = await agents.manager.get(`/api/events/${event.id}`);
    expect(asManager.json().contributions[0].speakers[0].email).toBe('speaker@example.org');
    expect(asManager.json().event.can).toEqual({ manage: true });
  });
});
