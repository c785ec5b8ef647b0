import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { vcRooms } from '../../src/server/vc/schema';
import { ZoomClient } from '../../src/server/vc/zoom/client';
import { generatePasscode, validatePasscode } from '../../src/server/vc/zoom/passcodes';
import { fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor } from '../support/factories';
import {
  createZoomRoom,
  editZoomRoom,
  settleSandboxUsers,
  writeZoomSettings,
  zoomPerson,
} from '../support/zoom-rooms';

describe('passcodes against a host’s Zoom requirements', () => {
  const t = useTestApp();
  const setup = async () => {
    const runtime = t.app.zoom.runtime;
    const sandbox = t.app.zoomSandbox;
    if (!sandbox) throw new Error('the sandbox is not running');
    const resolved = await runtime.resolve();
    if (!resolved.configured) throw new Error('sandbox credentials missing');
    const client = new ZoomClient(resolved.credentials, t.deps.db, { fetch: runtime.fetch, maxRetries: 0 });
    return { state: sandbox.state, client };
  };

  it('generates a passcode the strict host’s account accepts, and predicts what Zoom refuses', async () => {
    const { state, client } = await setup();
    const host = 'strict-host@example.org';
    state.addUser({
      email: host,
      passwordRequirement: {
        length: 9,
        have_letter: true,
        have_upper_and_lower_characters: true,
        have_special_character: true,
        consecutive_characters_length: 4,
      },
    });
    const requirements = await client.getPasscodeRequirements(host);
    const passcode = generatePasscode(8, requirements);
    expect(passcode).toHaveLength(9);
    expect(validatePasscode(passcode, requirements)).toEqual([]);
    const meeting = await client.createMeeting(host, { topic: 'Strict', type: 3, password: passcode });
    expect(meeting.password).toBe(passcode);

    expect(validatePasscode('12345678', requirements)).not.toEqual([]);
    await expect(
      client.createMeeting(host, { topic: 'Weak', type: 3, password: '12345678' }),
    ).rejects.toMatchObject({ kind: 'validation' });
  });

  it('lets numeric-only win over a letter, a symbol and mixed case, in the generator, the check and Zoom', async () => {
    const { state, client } = await setup();
    const host = 'numeric-host@example.org';
    state.addUser({
      email: host,
      passwordRequirement: {
        length: 8,
        only_allow_numeric: true,
        have_letter: true,
        have_special_character: true,
        have_upper_and_lower_characters: true,
      },
    });
    const requirements = await client.getPasscodeRequirements(host);
    const passcode = generatePasscode(8, requirements);
    expect(passcode).toMatch(/^\d{8}$/);
    expect(validatePasscode(passcode, requirements)).toEqual([]);
    const meeting = await client.createMeeting(host, { topic: 'Numeric', type: 3, password: passcode });
    expect(meeting.password).toBe(passcode);
  });
});

describe('editing a room without touching its passcode', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });

  it('renames a webinar whose passcode has ! and a meeting whose stored passcode Zoom’s API would refuse', async () => {
    await settleSandboxUsers(t);
    const ada = await zoomPerson(t, 'Ada Lovelace');
    const wendy = await zoomPerson(t, 'Wendy Webinar', { seed: { webinar: true } });
    await writeZoomSettings(t, { allowWebinars: true });
    const agent = await agentFor(t.app, t.deps.db, ada, clock());
    const ev = await makeEvent(t.deps.db, { creator: ada });
    const webinar = await createZoomRoom(t, agent, ev.id, {
      name: 'Big talk',
      form: { meetingType: 'webinar', hostUserId: wendy.id, passcode: 'Talk!2030' },
    });
    expect(webinar.data.passcode).toBe('Talk!2030');
    const renamed = await editZoomRoom(agent, ev.id, webinar.linkId, { name: 'Bigger talk' });
    expect(renamed.statusCode).toBe(200);

    // A meeting whose passcode was set on zoom.us with a symbol the API refuses (as a refresh stores it) is
    // renamed all the same; a new passcode with ! is refused for a meeting, on its field.
    const meeting = await createZoomRoom(t, agent, ev.id, {
      name: 'Weekly',
      target: { type: 'event' },
      form: { passcode: '24681357' },
    });
    const [row] = await t.deps.db.select().from(vcRooms).where(eq(vcRooms.id, meeting.roomId));
    await t.deps.db
      .update(vcRooms)
      .set({ data: { ...(row?.data as object), passcode: 'ab#12345' } })
      .where(eq(vcRooms.id, meeting.roomId));
    expect((await editZoomRoom(agent, ev.id, meeting.linkId, { name: 'Weekly sync' })).statusCode).toBe(200);
    const refused = await editZoomRoom(agent, ev.id, meeting.linkId, { form: { passcode: 'Talk!2030' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('room.form.passcode');
  });
});
