import { describe, expect, it } from 'vitest';
import { type CallContext, parseErrorBody, tokenErrorFromAnswer, zoomErrorFromAnswer } from './error-map';

const now = new Date('2030-01-15T09:00:00Z');
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const getMeeting: CallContext = {
  operation: 'read meeting 85746065432',
  meetingId: 85746065432,
  resource: 'meeting',
};
const lookUp = (who: string): CallContext => ({ operation: `look up ${who}`, userId: who });

describe('mapping Zoom API errors', () => {
  it('says a person without a Zoom user (1001) has no Zoom account, naming them', () => {
    const err = zoomErrorFromAnswer(
      answer(404, { code: 1001, message: 'User does not exist: ana@example.org.' }),
      lookUp('ana@example.org'),
      now,
    );
    expect(err.kind).toBe('user-not-found');
    expect(err.zoomCode).toBe(1001);
    expect(err.message).toBe(
      'ana@example.org has no Zoom account: add them to the Zoom account or choose another person.',
    );
  });

  it('says a pending invitation (1120) must be accepted first', () => {
    const err = zoomErrorFromAnswer(
      answer(400, { code: 1120, message: 'Invite pending' }),
      lookUp('bo@example.org'),
      now,
    );
    expect(err.kind).toBe('user-not-found');
    expect(err.message).toMatch(/^bo@example.org has been invited .* must accept it/);
  });

  it('says a meeting that is gone (3001) no longer exists on Zoom', () => {
    const err = zoomErrorFromAnswer(
      answer(404, { code: 3001, message: 'Meeting does not exist: 85746065432.' }),
      getMeeting,
      now,
    );
    expect(err.kind).toBe('meeting-not-found');
    expect(err.message).toMatch(/^Meeting 85746065432 does not exist on Zoom any more/);
  });

  it('treats a delete’s 300 "not found or has expired" as a meeting that is gone', () => {
    const err = zoomErrorFromAnswer(
      answer(400, { code: 300, message: 'Meeting 85746065432 is not found or has expired.' }),
      getMeeting,
      now,
    );
    expect(err.kind).toBe('meeting-not-found');
  });

  it('maps a 300 validation failure’s Zoom fields to the names of Convene’s forms', () => {
    const err = zoomErrorFromAnswer(
      answer(400, {
        code: 300,
        message: 'Validation Failed.',
        errors: [
          { field: 'password', message: 'Invalid field.' },
          { field: 'settings.alternative_hosts', message: 'Invalid field.' },
          { field: 'topic', message: 'Too long.' },
          { field: 'settings.auto_recording', message: 'Invalid field.' },
        ],
      }),
      { operation: 'create a meeting', userId: 'ana@example.org' },
      now,
    );
    expect(err.kind).toBe('validation');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fields?.map((f) => [f.field, f.zoomField])).toEqual([
      ['passcode', 'password'],
      ['alternativeHosts', 'settings.alternative_hosts'],
      ['name', 'topic'],
      ['autoRecording', 'settings.auto_recording'],
    ]);
    expect(err.message).toMatch(
      /^Zoom refused the passcode: Invalid field.; the alternative hosts: Invalid field./,
    );
  });

  it('finds the passcode in a 300 that names it only in its message', () => {
    const err = zoomErrorFromAnswer(
      answer(400, { code: 300, message: 'Password must be at most 10 characters.' }),
      { operation: 'create a meeting' },
      now,
    );
    expect(err.fields?.[0]?.field).toBe('passcode');
  });

  it('names the scopes a token lacks (4711)', () => {
    const err = zoomErrorFromAnswer(
      answer(400, {
        code: 4711,
        message:
          'Invalid access token, does not contain scopes:[webinar:read:webinar:admin, webinar:read:admin].',
      }),
      getMeeting,
      now,
    );
    expect(err.kind).toBe('scope');
    expect(err.missingScopes).toEqual(['webinar:read:webinar:admin', 'webinar:read:admin']);
    expect(err.message).toMatch(/lacks the scopes webinar:read:webinar:admin, webinar:read:admin: add them/);
  });

  it('says a host without a webinar plan (200) needs a licence', () => {
    const err = zoomErrorFromAnswer(
      answer(400, { code: 200, message: 'Subscription plan for webinar is missing.' }),
      { operation: 'create a webinar', userId: 'ana@example.org', resource: 'webinar' },
      now,
    );
    expect(err.kind).toBe('webinar-license');
    expect(err.message).toMatch(/^ana@example.org has no Zoom webinar licence/);
  });

  it('gives a daily 429 the moment it lifts and passes it on as Retry-After', () => {
    const err = zoomErrorFromAnswer(
      answer(
        429,
        { code: 429, message: 'daily limit' },
        { 'retry-after': '2030-01-16T00:00:00Z', 'x-ratelimit-type': 'Daily-limit' },
      ),
      getMeeting,
      now,
    );
    expect(err.kind).toBe('rate-limited');
    expect(err.code).toBe('TOO_MANY_REQUESTS');
    expect(err.retryAt?.toISOString()).toBe('2030-01-16T00:00:00.000Z');
    expect(err.headers).toEqual({ 'retry-after': String(15 * 3600) });
  });

  it('reads the old 300 form of the per-host cap as a daily rate limit', () => {
    const err = zoomErrorFromAnswer(
      answer(400, {
        code: 300,
        message: 'A maximum of 100 meetings can be created/updated for a single user in one day.',
      }),
      { operation: 'create a meeting', userId: 'ana@example.org' },
      now,
    );
    expect(err.kind).toBe('rate-limited');
    expect(err.rateLimit).toBe('daily-host');
    expect(err.message).toMatch(/^ana@example.org has reached Zoom's limit of 100/);
  });

  it('keeps Zoom’s own words for other refusals, with the status and code', () => {
    const err = zoomErrorFromAnswer(
      answer(400, { code: 3002, message: 'Sorry, you cannot delete this meeting since it’s in progress.' }),
      { operation: 'delete meeting 85746065432', meetingId: 85746065432 },
      now,
    );
    expect(err.kind).toBe('refused');
    expect(err.message).toBe(
      'Zoom refused to delete meeting 85746065432: Sorry, you cannot delete this meeting since it’s in progress. (HTTP 400, code 3002).',
    );
  });

  it('reads an XML error body', () => {
    expect(
      parseErrorBody('<error><code>3001</code><message>Meeting does not exist.</message></error>'),
    ).toEqual({
      code: 3001,
      message: 'Meeting does not exist.',
      errors: [],
    });
  });

  it('reports a 5xx as Zoom being unavailable', () => {
    const err = zoomErrorFromAnswer(answer(503, '<html>down</html>'), getMeeting, now);
    expect(err.kind).toBe('unavailable');
    expect(err.code).toBe('UNAVAILABLE');
  });
});

describe('mapping token endpoint errors', () => {
  it('names the client id and secret on invalid_client', () => {
    const err = tokenErrorFromAnswer(
      answer(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' }),
      now,
    );
    expect(err.kind).toBe('credentials');
    expect(err.message).toMatch(/client ID or client secret .* ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET/);
  });

  it('names the account id on invalid_grant', () => {
    const err = tokenErrorFromAnswer(
      answer(400, { reason: 'Invalid account_id', error: 'invalid_grant' }),
      now,
    );
    expect(err.message).toMatch(/account ID \(Invalid account_id\): check ZOOM_ACCOUNT_ID/);
  });

  it('says a disabled app (4717) must be activated', () => {
    const err = tokenErrorFromAnswer(answer(400, { code: 4717, message: 'The app has been disabled' }), now);
    expect(err.message).toMatch(/app is disabled/);
  });

  it('explains any other code of the 4700–4741 range', () => {
    const err = tokenErrorFromAnswer(answer(400, { code: 4733, message: 'Something else' }), now);
    expect(err.kind).toBe('credentials');
    expect(err.message).toMatch(/code 4733: Something else/);
  });
});
