// Zoom rooms through the life of events: shared and cloned meetings, rescheduling, Zoom's notifications and
// deletion.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventLog } from '../../src/server/events/schema';
import { type Agent, fakeClock, runJobs, useTestApp } from '../support/app';
import { makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import { attachRoomRequest } from '../support/vc';
import {
  createZoomRoom,
  nextSecond,
  outbox,
  roomData,
  roomRow,
  sandboxOf,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

describe('Zoom rooms through the life of events', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let ada: MadeUser;
  let agent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    ada = await zoomPerson(t, 'Ada Lovelace');
    agent = await agentFor(t.app, t.deps.db, ada, clock());
    await writeZoomSettings(t, { sendHostUrl: true });
  });
  beforeEach(async () => {
    await nextSecond(t, clock);
    sandboxOf(t).clearFaults();
    await runJobs(t);
  });

  const meetingOf = (id: string) => sandboxOf(t).meetings.get(Number(id));
  const logOf = async (eventId: number) =>
    (await t.deps.db.select().from(eventLog).where(eq(eventLog.eventId, eventId))).map((l) => l.summary);
  /** Lets the sandbox's notifications arrive, then runs the jobs they queued. */
  const deliver = async () => {
    await sandboxOf(t).webhooks.idle();
    await runJobs(t);
  };

  it('attaching to a second event makes the meeting recurring with no fixed time, and says so', async () => {
    const first = await makeEvent(t.deps.db, { creator: ada });
    const second = await makeEvent(t.deps.db, { creator: ada, title: 'Second' });
    const r = await createZoomRoom(t, agent, first.id, { name: 'Shared' });
    expect(meetingOf(r.data.meetingId)?.type).toBe(2);
    const res = await attachRoomRequest(agent, second.id, { roomId: r.roomId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notice).toBe(
      'The Zoom meeting is now recurring with no fixed time, since it serves more than one event or part of one.',
    );
    expect(meetingOf(r.data.meetingId)).toMatchObject({ type: 3, startTimeMs: undefined });
    expect(await roomData(t, r.roomId)).toMatchObject({ zoomType: 3, startTime: null, duration: null });
  });

  it('cloning an event shares its meeting, made recurring with no fixed time once the clone is saved', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada, title: 'Yearly' });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Yearly call' });
    const res = await agent.post(`/api/events/${ev.id}/clone`, {
      startDate: '2031-06-01T08:00:00Z',
      title: 'Next year',
      options: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notices).toContain(
      'Videoconference "Yearly call": The Zoom meeting is now recurring with no fixed time, since it serves more than one event or part of one.',
    );
    await runJobs(t);
    expect(meetingOf(r.data.meetingId)?.type).toBe(3);
  });

  it('refuses to share a meeting that uses Zoom registration (Indico #191)', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const other = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Registered' });
    await (await t.app.zoom.client()).updateMeeting(r.data.meetingId, { settings: { approval_type: 0 } });
    await agent.post(`/api/events/${ev.id}/vc/links/${r.linkId}/refresh`);
    const res = await attachRoomRequest(agent, other.id, { roomId: r.roomId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].message).toMatch(/^this Zoom meeting requires registration/);
    expect(meetingOf(r.data.meetingId)?.type).toBe(2);
  });

  it('moving a contribution reschedules its meeting in the background and logs it', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const talk = await makeContribution(t.deps.db, {
      event: ev,
      start: new Date('2030-06-01T10:00:00Z'),
      durationMinutes: 30,
    });
    const r = await createZoomRoom(t, agent, ev.id, {
      name: 'Talk',
      target: { type: 'contribution', contributionId: talk.id },
    });
    const moved = await agent.patch(`/api/events/${ev.id}/contributions/${talk.id}`, {
      version: talk.version,
      start: '2030-06-02T14:00:00Z',
      durationMinutes: 45,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // The hook only queued a job; Zoom is called when it runs.
    expect(meetingOf(r.data.meetingId)?.duration).toBe(30);
    await runJobs(t);
    expect(meetingOf(r.data.meetingId)).toMatchObject({
      startTimeMs: Date.parse('2030-06-02T14:00:00Z'),
      duration: 45,
    });
    expect(await roomData(t, r.roomId)).toMatchObject({ startTime: '2030-06-02T14:00:00Z', duration: 45 });
    expect(await logOf(ev.id)).toContain('Zoom schedule of "Talk" updated: 2030-06-02T14:00:00Z, 45 min');
  });

  it('logs a reschedule Zoom refuses, e.g. while the meeting runs', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const talk = await makeContribution(t.deps.db, { event: ev, start: new Date('2030-06-01T10:00:00Z') });
    const r = await createZoomRoom(t, agent, ev.id, {
      name: 'Running',
      target: { type: 'contribution', contributionId: talk.id },
    });
    sandboxOf(t).startMeeting(r.data.meetingId);
    await agent.patch(`/api/events/${ev.id}/contributions/${talk.id}`, {
      version: talk.version,
      start: '2030-06-01T11:00:00Z',
    });
    await runJobs(t);
    expect((await logOf(ev.id)).some((s) => s.startsWith('Zoom schedule update of "Running" failed:'))).toBe(
      true,
    );
    sandboxOf(t).endMeeting(r.data.meetingId);
  });

  it('follows Zoom’s notifications: changed on zoom.us → refreshed, started → Live, ended, deleted → marked deleted', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Watched' });
    await (await t.app.zoom.client()).updateMeeting(r.data.meetingId, { topic: 'Renamed on zoom.us' });
    await deliver();
    expect((await roomRow(t, r.roomId)).name).toBe('Renamed on zoom.us');
    expect(await logOf(ev.id)).toContain(
      'Videoconference "Renamed on zoom.us" was changed on Zoom: refreshed',
    );

    sandboxOf(t).startMeeting(r.data.meetingId);
    await deliver();
    const badges = async () =>
      (await agent.get(`/api/events/${ev.id}`)).json().extensions.vc.rooms[0].details.badges;
    expect(await badges()).toContain('Live');
    sandboxOf(t).endMeeting(r.data.meetingId);
    await deliver();
    expect(await badges()).not.toContain('Live');

    sandboxOf(t).deleteMeetingOnZoom(r.data.meetingId);
    await deliver();
    expect((await roomRow(t, r.roomId)).status).toBe('deleted');
  });

  it('ignores notifications about meetings made elsewhere', async () => {
    const client = await t.app.zoom.client();
    const m = await client.createMeeting(ada.email, { topic: 'Made on zoom.us', type: 3 });
    await client.updateMeeting(m.id, { topic: 'Still elsewhere' });
    sandboxOf(t).deleteMeetingOnZoom(m.id);
    await deliver();
    const failed = await t.deps.db.execute(
      sql`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE last_error IS NOT NULL`,
    );
    expect(failed.rows[0]).toEqual({ n: 0 });
  });

  it('deleting the last link deletes the meeting at Zoom and tells the host; a meeting already gone is no error', async () => {
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const r = await createZoomRoom(t, agent, ev.id, { name: 'Farewell' });
    const res = await agent.delete(`/api/events/${ev.id}/vc/links/${r.linkId}?deleteRoom=true`);
    expect(res.json()).toEqual({
      roomDeletion: 'deleted',
      message: 'The videoconference was deleted at Zoom.',
    });
    expect(meetingOf(r.data.meetingId)).toBeUndefined();
    const mail = (await outbox(t)).find((m) => m.subject === '[Zoom] Your meeting was deleted: Farewell');
    expect(mail?.to).toEqual([ada.email]);

    const gone = await createZoomRoom(t, agent, ev.id, { name: 'Already gone' });
    sandboxOf(t).deleteMeetingOnZoom(gone.data.meetingId);
    const again = await agent.delete(`/api/events/${ev.id}/vc/links/${gone.linkId}?deleteRoom=true`);
    expect(again.json().roomDeletion).toBe('deleted');
  });
});
