import { describe, expect, it } from 'vitest';
import { zoomRuntimeOf } from '../../src/server/vc/zoom';
import { ZoomClient } from '../../src/server/vc/zoom/client';
import { generatePasscode, validatePasscode } from '../../src/server/vc/zoom/passcodes';
import { useTestApp } from '../support/app';

describe('passcodes against a host’s Zoom requirements', () => {
  const t = useTestApp();
  const setup = async () => {
    const runtime = zoomRuntimeOf(t.app);
    const sandbox = runtime.sandbox;
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
});
