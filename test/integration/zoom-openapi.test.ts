// Convene's requests to Zoom checked against Zoom's published OpenAPI document (test/fixtures/zoom).
import { describe, expect, it } from 'vitest';
import { fakeClock, useTestApp } from '../support/app';
import { zoomDocumentValidator } from '../support/zoom-openapi';
import { settleSandboxUsers, zoomPerson } from '../support/zoom-rooms';

describe('Zoom’s published document', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });

  it('refuses a null start_time or duration, and accepts type 3 alone', () => {
    expect(
      zoomDocumentValidator('PATCH', '/meetings/{meetingId}', { type: 3, start_time: null, duration: null }),
    ).toEqual([
      { field: 'duration', message: 'Invalid field.' },
      { field: 'start_time', message: 'Invalid field.' },
    ]);
    expect(zoomDocumentValidator('PATCH', '/meetings/{meetingId}', { type: 3 })).toEqual([]);
    expect(zoomDocumentValidator('PATCH', '/webinars/{webinarId}', { type: 6, duration: null })).toEqual([
      { field: 'duration', message: 'Invalid field.' },
    ]);
  });

  it('makes the sandbox answer Zoom’s 300 "Invalid field." to a PATCH with a null start_time', async () => {
    await settleSandboxUsers(t);
    const ada = await zoomPerson(t, 'Ada Lovelace');
    const client = await t.app.zoom.client();
    const meeting = await client.createMeeting(ada.email, {
      topic: 'Checked',
      type: 2,
      start_time: '2030-06-01T10:00:00Z',
      duration: 60,
    });
    const token = (await client.getToken()).accessToken;
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/zoom-sandbox/v2/meetings/${meeting.id}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
    const refused = await patch({ start_time: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      code: 300,
      message: 'Validation Failed.',
      errors: [{ field: 'start_time', message: 'Invalid field.' }],
    });
    // A field only the document constrains (an enum) is refused the same way.
    const audio = await patch({ settings: { audio: 'telepathy' } });
    expect(audio.json()).toMatchObject({ code: 300, errors: [{ field: 'settings.audio' }] });
    expect((await patch({ type: 3 })).statusCode).toBe(204);
  });
});
