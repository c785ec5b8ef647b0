// Room edits carry the room's version: an edit made on a stale copy gets 409 with the current room, and
// nothing reaches Zoom; concurrent edits cannot both win.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import {
  createZoomRoom,
  nextSecond,
  roomRow,
  sandboxOf,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

interface FormValues {
  form: Record<string, unknown>;
  target: unknown;
  show: boolean;
  linkForm: Record<string, unknown>;
  version: number;
}

describe('optimistic concurrency on room edits', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
  });
  beforeEach(() => nextSecond(t, clock));

  const editWith = (eventId: number, linkId: number, values: FormValues, name: string) =>
    agent.patch(`/api/events/${eventId}/vc/links/${linkId}`, {
      room: { name, form: values.form },
      link: { target: values.target, show: values.show, linkForm: values.linkForm },
      version: values.version,
    });

  it('answers 409 with the current room to an edit of a stale version, and calls Zoom for neither', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Versioned' });
    const values = (await agent.get(`/api/events/${ev.id}/vc/links/${r.linkId}/form`)).json();
    expect(values.version).toBe(1);
    const first = await editWith(ev.id, r.linkId, values, 'First writer');
    expect(first.statusCode, first.body).toBe(200);
    const before = sandboxOf(t).countRequests();
    const second = await editWith(ev.id, r.linkId, values, 'Second writer');
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.details.current.name).toBe('First writer');
    expect(sandboxOf(t).countRequests()).toBe(before);
    expect((await roomRow(t, r.roomId)).name).toBe('First writer');
    const fresh = (await agent.get(`/api/events/${ev.id}/vc/links/${r.linkId}/form`)).json();
    expect(fresh.version).toBe(2);
    expect((await editWith(ev.id, r.linkId, fresh, 'Second writer')).statusCode).toBe(200);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Raced' });
    const values = (await agent.get(`/api/events/${ev.id}/vc/links/${r.linkId}/form`)).json();
    const answers = await Promise.all([
      editWith(ev.id, r.linkId, values, 'Racer one'),
      editWith(ev.id, r.linkId, values, 'Racer two'),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)?.json().room.name;
    expect((await roomRow(t, r.roomId)).name).toBe(winner);
    expect(sandboxOf(t).meetings.get(Number(r.data.meetingId))?.topic).toBe(winner);
  });
});
