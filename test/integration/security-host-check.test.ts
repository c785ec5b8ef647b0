// The host check and the user check name only what the asker may see: overlapping rooms of events they may
// open, shown links, rooms they manage; the rest is counted, other Zoom topics and e-mails never shown.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, fakeClock, useTestApp } from '../support/app';
import { makeContribution, makeEvent } from '../support/event-factories';
import { agentFor, type MadeUser } from '../support/factories';
import { createZoomRoom, nextSecond, settleSandboxUsers, zoomPerson } from '../support/zoom-rooms';

describe('what the host check tells about someone else', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let victim: MadeUser;
  let prober: MadeUser;
  let victimAgent: Agent;
  let proberAgent: Agent;

  beforeAll(async () => {
    await settleSandboxUsers(t);
    await zoomPerson(t, 'Olivia Owner');
    victim = await zoomPerson(t, 'Vera Victim');
    prober = await zoomPerson(t, 'Peter Prober');
    victimAgent = await agentFor(t.app, t.deps.db, victim, clock());
    proberAgent = await agentFor(t.app, t.deps.db, prober, clock());
  });
  beforeEach(() => nextSecond(t, clock));

  const at = { start: new Date('2031-03-01T10:00:00Z'), durationMinutes: 60 };

  it('counts, without naming, rooms of restricted events, hidden links and the victim’s Zoom meetings', async () => {
    const secret = await makeEvent(t.deps.db, {
      creator: victim,
      title: 'Secret board meeting',
      protectionMode: 'restricted',
    });
    const secretTalk = await makeContribution(t.deps.db, { event: secret, ...at });
    await createZoomRoom(t, victimAgent, secret.id, {
      name: 'Merger talks',
      target: { type: 'contribution', contributionId: secretTalk.id },
    });
    const open = await makeEvent(t.deps.db, { creator: victim, title: 'Open day' });
    const openTalk = await makeContribution(t.deps.db, { event: open, ...at });
    await createZoomRoom(t, victimAgent, open.id, {
      name: 'Hidden room',
      show: false,
      target: { type: 'contribution', contributionId: openTalk.id },
    });
    const shown = await makeContribution(t.deps.db, { event: open, ...at });
    await createZoomRoom(t, victimAgent, open.id, {
      name: 'Public room',
      target: { type: 'contribution', contributionId: shown.id },
    });
    await (await t.app.zoom.client()).createMeeting(victim.email, {
      topic: 'Doctor appointment',
      type: 2,
      start_time: '2031-03-01T10:15:00Z',
      duration: 30,
    });

    // Any logged-in user may create an event and ask about anyone.
    const own = await makeEvent(t.deps.db, { creator: prober });
    const talk = await makeContribution(t.deps.db, { event: own, ...at });
    const res = await proberAgent.get(
      `/api/events/${own.id}/vc/zoom/host-check?userId=${victim.id}&target=contribution&targetId=${talk.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    for (const hidden of [
      'Merger talks',
      'Secret board meeting',
      'Hidden room',
      'Doctor appointment',
      victim.email,
    ])
      expect(res.body).not.toContain(hidden);
    const check = res.json();
    expect(check.overlaps.map((o: { topic: string }) => o.topic)).toEqual(['Public room']);
    expect(check.otherOverlaps).toBe(3);
    expect(check.warning).toBe(
      'In Zoom the same host cannot start several meetings in parallel: Vera Victim hosts 4 other meetings at that time.',
    );
    expect(check.zoomEmail).toBeNull();

    const userCheck = await proberAgent.get(`/api/events/${own.id}/vc/zoom/user-check?userId=${victim.id}`);
    expect(userCheck.statusCode).toBe(200);
    expect(userCheck.body).not.toContain(victim.email);
  });

  it('names the asker’s own meetings and e-mail to the asker', async () => {
    const own = await makeEvent(t.deps.db, { creator: prober });
    const talk = await makeContribution(t.deps.db, {
      event: own,
      start: new Date('2031-04-01T10:00:00Z'),
      durationMinutes: 30,
    });
    await (await t.app.zoom.client()).createMeeting(prober.email, {
      topic: 'My dentist',
      type: 2,
      start_time: '2031-04-01T10:00:00Z',
      duration: 30,
    });
    const res = await proberAgent.get(
      `/api/events/${own.id}/vc/zoom/host-check?target=contribution&targetId=${talk.id}`,
    );
    expect(res.json().overlaps.map((o: { topic: string }) => o.topic)).toEqual(['My dentist']);
    expect(res.json().zoomEmail).toBe(prober.email);
  });
});
