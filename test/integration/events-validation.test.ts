import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/app';
import { useTestApp } from '../support/app';
import { HOUR, makeBlock, makeContribution, makeEvent, makeSession } from '../support/event-factories';
import { agentFor, type MadeUser, makeUser } from '../support/factories';

const newEvent = {
  title: 'Summer school',
  start: '2030-07-01T08:00:00+02:00',
  end: '2030-07-03T18:00:00+02:00',
  timezone: 'Europe/Zurich',
};

/** The 422's field names. */
function fieldsOf(res: { statusCode: number; json(): { error: { fields?: Array<{ field: string }> } } }) {
  expect(res.statusCode).toBe(422);
  return (res.json().error.fields ?? []).map((f) => f.field);
}

describe('validation of events and their timetable', () => {
  const t = useTestApp();
  let manager: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    manager = await makeUser(t.database.db);
    agent = await agentFor(t.app, t.database.db, manager);
  });

  it('creates an event whose creator is its manager', async () => {
    const res = await agent.post('/api/events', {
      ...newEvent,
      description: '# Hello\n\n<script>x</script>',
    });
    expect(res.statusCode).toBe(201);
    const event = res.json();
    expect(event).toMatchObject({
      title: 'Summer school',
      start: '2030-07-01T06:00:00.000Z',
      end: '2030-07-03T16:00:00.000Z',
      timezone: 'Europe/Zurich',
      startDay: '2030-07-01',
      endDay: '2030-07-03',
      protectionMode: 'public',
      version: 1,
      can: { manage: true },
    });
    // The Markdown source is stored as given; rendering it safely is the client's job.
    expect(event.description).toBe('# Hello\n\n<script>x</script>');
    const protection = await agent.get(`/api/events/${event.id}/protection`);
    expect(protection.json().managers.map((m: { id: number }) => m.id)).toEqual([manager.id]);
  });

  it('refuses an event that ends before it starts, naming end', async () => {
    const res = await agent.post('/api/events', { ...newEvent, end: '2030-06-30T08:00:00Z' });
    expect(fieldsOf(res)).toEqual(['end']);
  });

  it('refuses an unknown timezone and a UTC offset given as a timezone, naming timezone', async () => {
    expect(fieldsOf(await agent.post('/api/events', { ...newEvent, timezone: 'Mars/Olympus_Mons' }))).toEqual(
      ['timezone'],
    );
    expect(fieldsOf(await agent.post('/api/events', { ...newEvent, timezone: '+02:00' }))).toEqual([
      'timezone',
    ]);
  });

  it('stores a timezone in its canonical spelling', async () => {
    const res = await agent.post('/api/events', { ...newEvent, timezone: 'europe/zurich' });
    expect(res.json().timezone).toBe('Europe/Zurich');
  });

  it('refuses text the database cannot hold, naming the field, instead of failing with a 500', async () => {
    expect(fieldsOf(await agent.post('/api/events', { ...newEvent, title: 'a\u0000b' }))).toEqual(['title']);
    expect(fieldsOf(await agent.get('/api/events?q=%00'))).toEqual(['query.q']);
  });

  it('refuses a start that is not a date, an empty title and an unknown protection mode', async () => {
    const res = await agent.post('/api/events', {
      ...newEvent,
      start: 'tomorrow',
      title: ' ',
      protectionMode: 'secret',
    });
    expect(fieldsOf(res).sort()).toEqual(['protectionMode', 'start', 'title']);
  });

  it('refuses an edit that puts the end before the start', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const res = await agent.patch(`/api/events/${event.id}`, { version: 1, end: '2030-05-01T00:00:00Z' });
    expect(fieldsOf(res)).toEqual(['end']);
  });

  it('refuses a colour that is not a colour, naming colour', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    for (const colour of ['red', '#12345', '#1234567', '#gggggg']) {
      expect(fieldsOf(await agent.post(`/api/events/${event.id}/sessions`, { title: 'S', colour }))).toEqual([
        'colour',
      ]);
    }
    const ok = await agent.post(`/api/events/${event.id}/sessions`, { title: 'S', colour: '#A0B1C2' });
    expect(ok.json()).toMatchObject({ colour: '#a0b1c2', version: 1 });
  });

  it('refuses a session block outside the event, naming start or durationMinutes', async () => {
    const session = await makeSession(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    const url = `/api/events/${session.eventId}/blocks`;
    const before = await agent.post(url, {
      sessionId: session.id,
      start: '2030-05-31T08:00:00Z',
      durationMinutes: 60,
    });
    expect(fieldsOf(before)).toEqual(['start']);
    const tooLong = await agent.post(url, {
      sessionId: session.id,
      start: '2030-06-03T17:00:00Z',
      durationMinutes: 120,
    });
    expect(fieldsOf(tooLong)).toEqual(['durationMinutes']);
  });

  it('refuses a block in a session of another event, naming sessionId', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const foreign = await makeSession(t.database.db);
    const res = await agent.post(`/api/events/${event.id}/blocks`, {
      sessionId: foreign.id,
      start: '2030-06-01T09:00:00Z',
      durationMinutes: 30,
    });
    expect(fieldsOf(res)).toEqual(['sessionId']);
  });

  it('refuses a contribution outside its event or its block, naming the field', async () => {
    const block = await makeBlock(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    const url = `/api/events/${block.eventId}/contributions`;
    const outsideEvent = await agent.post(url, { title: 'T', start: '2030-06-05T09:00:00Z' });
    expect(fieldsOf(outsideEvent)).toEqual(['start']);
    const beforeBlock = await agent.post(url, {
      title: 'T',
      blockId: block.id,
      start: new Date(block.startAt.getTime() - HOUR).toISOString(),
    });
    expect(fieldsOf(beforeBlock)).toEqual(['start']);
    const overrunsBlock = await agent.post(url, {
      title: 'T',
      blockId: block.id,
      start: new Date(block.startAt.getTime() + HOUR).toISOString(),
      durationMinutes: 90,
    });
    expect(fieldsOf(overrunsBlock)).toEqual(['durationMinutes']);
    const blockWithoutStart = await agent.post(url, { title: 'T', blockId: block.id });
    expect(fieldsOf(blockWithoutStart)).toEqual(['start']);
  });

  it('refuses a contribution in a block of another event, naming blockId', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const foreign = await makeBlock(t.database.db);
    const res = await agent.post(`/api/events/${event.id}/contributions`, {
      title: 'T',
      blockId: foreign.id,
      start: foreign.startAt.toISOString(),
    });
    expect(fieldsOf(res)).toEqual(['blockId']);
  });

  it('refuses a speaker who is no user, or who has neither user nor name', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const url = `/api/events/${event.id}/contributions`;
    const unknownUser = await agent.post(url, {
      title: 'T',
      speakers: [{ name: 'Ada' }, { userId: 987_654 }],
    });
    expect(fieldsOf(unknownUser)).toEqual(['speakers.1.userId']);
    expect(fieldsOf(await agent.post(url, { title: 'T', speakers: [{ email: 'a@b.org' }] }))).toEqual([
      'speakers.0.name',
    ]);
    expect(fieldsOf(await agent.post(url, { title: 'T', speakers: [{ name: 'A', email: 'nope' }] }))).toEqual(
      ['speakers.0.email'],
    );
  });

  it('refuses a manager or allowed user who does not exist, naming the field', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const url = `/api/events/${event.id}/protection`;
    expect(fieldsOf(await agent.put(url, { version: 1, managerIds: [manager.id, 987_654] }))).toEqual([
      'managerIds',
    ]);
    expect(fieldsOf(await agent.put(url, { version: 1, allowedUserIds: [987_654] }))).toEqual([
      'allowedUserIds',
    ]);
  });

  it('refuses to remove the last manager', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const res = await agent.put(`/api/events/${event.id}/protection`, { version: 1, managerIds: [] });
    expect(fieldsOf(res)).toEqual(['managerIds']);
    expect(res.json().error.message).toMatch(/at least one manager/);
  });

  it('refuses ids out of range and malformed ones without a 500', async () => {
    expect((await agent.get('/api/events/99999999999')).statusCode).toBe(422);
    expect((await agent.get('/api/events/abc')).statusCode).toBe(422);
    expect((await agent.get('/api/events/1/contributions/-1')).statusCode).toBe(422);
  });

  it('refuses an edit of the event dates that would leave the timetable outside, unless it is shifted', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    await makeContribution(t.database.db, { event, start: new Date(event.startAt.getTime() + HOUR) });
    const later = { version: 1, start: '2030-06-10T08:00:00Z', end: '2030-06-12T18:00:00Z' };
    const res = await agent.patch(`/api/events/${event.id}`, later);
    expect(fieldsOf(res)).toEqual(['start']);
    expect(res.json().error.message).toMatch(/shift the timetable/);
    expect(
      (await agent.patch(`/api/events/${event.id}`, { ...later, shiftTimetable: true })).statusCode,
    ).toBe(200);
  });

  it('refuses to shrink a block below the contributions it holds', async () => {
    const block = await makeBlock(t.database.db, {
      event: await makeEvent(t.database.db, { creator: manager }),
    });
    await makeContribution(t.database.db, { block, start: new Date(block.startAt.getTime() + HOUR) });
    const res = await agent.patch(`/api/events/${block.eventId}/blocks/${block.id}`, {
      version: 1,
      durationMinutes: 60,
    });
    expect(fieldsOf(res)).toEqual(['durationMinutes']);
  });

  it('refuses a clone option that does not exist, naming it', async () => {
    const event = await makeEvent(t.database.db, { creator: manager });
    const res = await agent.post(`/api/events/${event.id}/clone`, {
      startDate: '2031-01-01T08:00:00Z',
      options: { teleport: true },
    });
    expect(fieldsOf(res)).toEqual(['options.teleport']);
  });
});
