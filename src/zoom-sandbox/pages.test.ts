import { describe, expect, it } from 'vitest';
import { formatMeetingNumber } from './html';
import { createMeeting, makeSandbox, PUBLIC_URL, type TestSandbox } from './test-helpers';

/** The part of a sandbox URL after PUBLIC_URL, for app.inject on the standalone app. */
function local(url: string): string {
  return url.slice(PUBLIC_URL.length);
}

async function get(sandbox: TestSandbox, url: string) {
  return sandbox.app.inject({ method: 'GET', url });
}

describe('the join page /j/:id', () => {
  it('shows Zoom’s launch options for the meeting and says it is the sandbox', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { topic: 'Physics seminar', password: 'secret1' });
    const res = await get(sandbox, local(m.join_url));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = res.body;
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<title>Launch Physics seminar - Convene Zoom sandbox</title>');
    expect(page).toContain('<h1>Physics seminar</h1>');
    expect(page).toContain(`Meeting ID ${formatMeetingNumber(m.id)}`);
    expect(page).toContain('Launch Meeting');
    expect(page).toContain('Join from your browser');
    expect(page).toContain('Convene Zoom sandbox');
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('asks for the passcode when pwd is missing, with a labelled field', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'secret1' });
    const res = await get(sandbox, `/j/${m.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="passcode">Meeting passcode</label>');
    expect(res.body).toContain('<input id="passcode" name="passcode" type="password"');
    expect(res.body).not.toContain('Launch Meeting');
  });

  it('says so when the passcode or pwd is wrong', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'secret1' });
    for (const query of ['passcode=wrong', 'pwd=stale.1']) {
      const res = await get(sandbox, `/j/${m.id}?${query}`);
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('role="alert"');
      expect(res.body).toContain('aria-invalid="true"');
    }
  });

  it('admits a visitor who types the right passcode', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'secret1' });
    const res = await get(sandbox, `/j/${m.id}?passcode=secret1`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Launch Meeting');
  });

  it('stops accepting the old pwd after the passcode changes', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'first1' });
    await sandbox.call('PATCH', `/v2/meetings/${m.id}`, { password: 'second2' });
    expect((await get(sandbox, local(m.join_url))).statusCode).toBe(401);
  });

  it('shows what joining from the app or the browser would do', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { password: 'secret1' });
    const pwd = `pwd=${m.join_url.split('pwd=')[1]}`;
    const app = await get(sandbox, `/j/${m.id}?${pwd}&via=app`);
    expect(app.body).toContain('Opening the Zoom app');
    sandbox.state.startMeeting(m.id);
    const browser = await get(sandbox, `/j/${m.id}?${pwd}&via=browser`);
    expect(browser.body).toContain('Joined from your browser');
    expect(browser.body).toContain('The host has started this meeting.');
  });

  it('answers 404 "Meeting not found" for an unknown id', async () => {
    const sandbox = await makeSandbox();
    const res = await get(sandbox, '/j/12345678901');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<h1>Meeting not found</h1>');
  });

  it('escapes the topic', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { topic: '<script>alert("x")</script> & co', password: 'p1' });
    const res = await get(sandbox, local(m.join_url));
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });
});

describe('meeting numbers on pages', () => {
  it('are grouped as Zoom shows them', () => {
    expect(formatMeetingNumber(81234567890)).toBe('812 3456 7890');
    expect(formatMeetingNumber(1234567890)).toBe('123 456 7890');
  });
});

describe('the host start page /s/:id', () => {
  it('accepts the zak of start_url and lets the host start and end the meeting', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox, { topic: 'Board' });
    const page = await get(sandbox, local(m.start_url));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Start meeting');
    const zak = new URL(m.start_url).searchParams.get('zak') ?? '';
    const start = await sandbox.app.inject({
      method: 'POST',
      url: `/s/${m.id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ zak, action: 'start' }).toString(),
    });
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('The meeting has started.');
    expect(sandbox.state.meetings.get(m.id)?.status).toBe('started');
  });

  it('refuses a zak older than two hours', async () => {
    const sandbox = await makeSandbox();
    const m = await createMeeting(sandbox);
    sandbox.state.advanceClock(2 * 3600_000 - 1000);
    expect((await get(sandbox, local(m.start_url))).statusCode).toBe(200);
    sandbox.state.advanceClock(1000);
    const res = await get(sandbox, local(m.start_url));
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('This host link has expired');
  });

  it('refuses a missing zak, a forged one, and one issued for another meeting', async () => {
    const sandbox = await makeSandbox();
    const a = await createMeeting(sandbox);
    const b = await createMeeting(sandbox);
    const zakOfA = new URL(a.start_url).searchParams.get('zak') ?? '';
    for (const url of [`/s/${b.id}`, `/s/${b.id}?zak=abc.def.ghi`, `/s/${b.id}?zak=${zakOfA}`]) {
      const res = await get(sandbox, url);
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('This host link is not valid');
    }
  });
});
