// `npm run zoom -- rooms` and `reconcile` against the Zoom sandbox and a test database.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/app';
import { makeEvent } from '../../test/support/event-factories';
import { HOST, useZoomSandbox } from '../../test/support/zoom-sandbox-harness';
import type { Config } from '../server/config';
import { vcRoomLinks, vcRooms } from '../server/vc/schema';
import { roomDataFrom } from '../server/vc/zoom/rooms/meeting-data';
import { formatMeetingId } from '../server/vc/zoom/rooms/room-data';
import { EXIT, runZoomCli } from './zoom-commands';

describe('npm run zoom -- rooms / reconcile', () => {
  const h = useZoomSandbox();

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const base = testConfig();
    const config: Config = testConfig({
      zoom: {
        ...base.zoom,
        accountId: h.credentials.accountId,
        clientId: h.credentials.clientId,
        clientSecret: h.credentials.clientSecret,
        oauthTokenUrl: h.credentials.oauthTokenUrl,
        apiBaseUrl: h.credentials.apiBaseUrl,
      },
    });
    const code = await runZoomCli(argv, {
      config,
      db: h.db,
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
      clientOptions: { clock: h.clock },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** A Zoom room as Convene stores it, for a meeting made on the sandbox, linked to a new event. */
  async function storedRoom(topic: string) {
    const meeting = await h.client().createMeeting(HOST, { topic, type: 3, password: '24681357' });
    const data = roomDataFrom(
      meeting,
      { hostUserId: null, hostName: 'Hana Host', hostEmail: HOST, alternativeHostIds: [] },
      {
        muteAudio: true,
        muteParticipantVideo: true,
        joinBeforeHost: true,
        waitingRoom: false,
        liveSince: null,
        timezone: 'UTC',
      },
      h.clock(),
    );
    const ev = await makeEvent(h.db, { title: `Event of ${topic}` });
    const [room] = await h.db
      .insert(vcRooms)
      .values({ provider: 'zoom', name: topic, data, searchKeys: [data.meetingId] })
      .returning();
    if (!room) throw new Error('no room');
    await h.db.insert(vcRoomLinks).values({ roomId: room.id, eventId: ev.id, linkedEventId: ev.id });
    return { room, data, ev, meetingId: meeting.id };
  }

  it('rooms lists each Zoom room with its status, meeting id, host and events, without Zoom', async () => {
    const r = await storedRoom('Board meeting');
    const listed = await run(['rooms']);
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.out).toContain(`#${r.room.id}`);
    expect(listed.out).toMatch(
      new RegExp(`created\\s+${formatMeetingId(r.data.meetingId)}\\s+Board meeting`),
    );
    expect(listed.out).toContain(`host: Hana Host <${HOST}>`);
    expect(listed.out).toContain(`events: #${r.ev.id} Event of Board meeting`);
    expect(listed.out).not.toContain('24681357');
    expect((await run(['rooms', '--status', 'deleted'])).out).not.toContain('Board meeting');
    expect((await run(['rooms', '--status', 'gone'])).code).toBe(EXIT.usage);
  });

  it('rooms --status created leaves out rooms being deleted', async () => {
    const r = await storedRoom('Being deleted');
    await h.db.update(vcRooms).set({ deletionRequestedAt: new Date() }).where(eq(vcRooms.id, r.room.id));
    expect((await run(['rooms'])).out).toMatch(/deleting\s+.*Being deleted/);
    expect((await run(['rooms', '--status', 'created'])).out).not.toContain('Being deleted');
  });

  it('reconcile reports drift and exits 7; --fix takes Zoom’s state and marks gone meetings deleted', async () => {
    const changed = await storedRoom('Renamed later');
    const gone = await storedRoom('Deleted later');
    await h.client().updateMeeting(changed.meetingId, { topic: 'Renamed on Zoom', password: '11223344' });
    h.state.deleteMeetingOnZoom(gone.meetingId);
    const report = await run(['reconcile']);
    expect(report.code).toBe(EXIT.drift);
    expect(report.out).toContain(
      `#${changed.room.id} "Renamed later" (meeting ${formatMeetingId(changed.data.meetingId)}) differs from Zoom`,
    );
    expect(report.out).toContain('name: "Renamed later" here, "Renamed on Zoom" on Zoom');
    expect(report.out).toContain('passcode differs');
    expect(report.out).not.toContain('11223344');
    expect(report.out).toContain(
      `#${gone.room.id} "Deleted later" (meeting ${formatMeetingId(gone.data.meetingId)}) gone from Zoom`,
    );

    const fixed = await run(['reconcile', '--fix']);
    expect(fixed.code).toBe(EXIT.ok);
    expect(fixed.out).toContain('→ updated from Zoom');
    expect(fixed.out).toContain('→ marked deleted');
    const [after] = await h.db.select().from(vcRooms).where(eq(vcRooms.id, changed.room.id));
    expect(after?.name).toBe('Renamed on Zoom');
    const [deleted] = await h.db.select().from(vcRooms).where(eq(vcRooms.id, gone.room.id));
    expect(deleted?.status).toBe('deleted');
    const again = await run(['reconcile']);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toMatch(/rooms? checked, 0 with drift\.$/);
  });
});
