// The pages behind join_url (/j/:id) and start_url (/s/:id), shaped like Zoom's launch pages so
// that an offline demo goes end to end: Create → Join lands somewhere real.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ControlError, endMeeting, startMeeting } from './controls';
import { formatMeetingNumber, type Html, html, page } from './html';
import type { SandboxState } from './state';
import type { MeetingRecord } from './types';
import type { ZakCheck } from './zak';

interface JoinRequest {
  Params: { id: string };
  Querystring: { pwd?: string; passcode?: string; via?: string };
}

interface StartRequest {
  Params: { id: string };
  Querystring: { zak?: string };
  Body: { zak?: string; action?: string } | undefined;
}

function send(reply: FastifyReply, status: number, title: string, main: Html): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(page(title, main));
}

function findRecord(state: SandboxState, rawId: string): MeetingRecord | undefined {
  return /^\d{1,15}$/.test(rawId) ? state.meetings.get(Number(rawId)) : undefined;
}

const noun = (record: MeetingRecord) => (record.kind === 'meeting' ? 'meeting' : 'webinar');

function notFound(reply: FastifyReply, rawId: string): FastifyReply {
  return send(
    reply,
    404,
    'Meeting not found',
    html`<h1>Meeting not found</h1>
<p>There is no meeting with the ID ${rawId} in this sandbox. It may have been deleted, or the link may be mistyped.</p>`,
  );
}

function passcodeForm(reply: FastifyReply, record: MeetingRecord, wrong: boolean): FastifyReply {
  const errorId = 'passcode-error';
  return send(
    reply,
    wrong ? 401 : 200,
    'Enter the meeting passcode',
    html`<h1>Enter the ${noun(record)} passcode</h1>
<p class="meta">${record.topic} — ${noun(record)} ID ${formatMeetingNumber(record.id)}</p>
${wrong ? html`<p class="error" role="alert" id="${errorId}">That passcode is not correct. Try again.</p>` : ''}
<form method="get">
<label for="passcode">Meeting passcode</label>
<input id="passcode" name="passcode" type="password" autocomplete="off" required${
      wrong ? html` aria-invalid="true" aria-describedby="${errorId}"` : ''
    }>
<div><button class="button" type="submit">Join</button></div>
</form>`,
  );
}

function launchPage(reply: FastifyReply, record: MeetingRecord): FastifyReply {
  const pwd = record.encryptedPassword === '' ? '' : `pwd=${encodeURIComponent(record.encryptedPassword)}&`;
  return send(
    reply,
    200,
    `Launch ${record.topic}`,
    html`<h1>${record.topic}</h1>
<p class="meta">${noun(record) === 'meeting' ? 'Meeting' : 'Webinar'} ID ${formatMeetingNumber(record.id)}</p>
<p>Click <strong>Open Zoom Meetings</strong> in the dialog your browser shows. If nothing prompts, click <strong>Launch Meeting</strong> below.</p>
<p><a class="button" href="?${pwd}via=app">Launch Meeting</a></p>
<p>In the sandbox nothing is installed and nothing opens: the link shows what would happen.</p>
<h2>Other ways to join</h2>
<p>Having trouble with the desktop app? <a href="?${pwd}via=browser">Join from your browser</a></p>`,
  );
}

function joinedPage(reply: FastifyReply, record: MeetingRecord, via: 'app' | 'browser'): FastifyReply {
  const started = record.status === 'started';
  const how =
    via === 'app' ? 'the Zoom desktop app would open now' : 'you are now in the meeting in your browser';
  return send(
    reply,
    200,
    `Joined ${record.topic}`,
    html`<h1>${via === 'app' ? 'Opening the Zoom app' : 'Joined from your browser'}</h1>
<p>For <strong>${record.topic}</strong> (ID ${formatMeetingNumber(record.id)}), ${how}.</p>
<p>${started ? 'The host has started this meeting.' : 'Please wait: the host has not started this meeting yet.'}</p>
<p>This is the Convene Zoom sandbox: there is no audio or video.</p>`,
  );
}

function registerJoinPage(app: FastifyInstance, state: SandboxState): void {
  app.get<JoinRequest>('/j/:id', async (request, reply) => {
    const record = findRecord(state, request.params.id);
    if (!record) return notFound(reply, request.params.id);
    const { pwd, passcode, via } = request.query;
    const needsPasscode = record.password !== '';
    const admitted =
      !needsPasscode ||
      pwd === record.encryptedPassword ||
      (passcode !== undefined && passcode === record.password);
    if (!admitted) return passcodeForm(reply, record, passcode !== undefined || pwd !== undefined);
    if (via === 'app' || via === 'browser') return joinedPage(reply, record, via);
    return launchPage(reply, record);
  });
}

function hostLinkProblem(reply: FastifyReply, reason: 'invalid' | 'expired'): FastifyReply {
  const expired = reason === 'expired';
  return send(
    reply,
    401,
    expired ? 'Host link expired' : 'Host link not valid',
    html`<h1>${expired ? 'This host link has expired' : 'This host link is not valid'}</h1>
<p>${
      expired
        ? 'A start link stays valid for two hours after it was issued. Open the meeting from the application again to get a fresh one.'
        : 'The link to start this meeting as host is incomplete or was not issued for this meeting.'
    }</p>`,
  );
}

function hostPage(reply: FastifyReply, record: MeetingRecord, zak: string, note?: string): FastifyReply {
  const started = record.status === 'started';
  return send(
    reply,
    200,
    `Host ${record.topic}`,
    html`<h1>Host “${record.topic}”</h1>
<p class="meta">${noun(record) === 'meeting' ? 'Meeting' : 'Webinar'} ID ${formatMeetingNumber(record.id)}</p>
${note ? html`<p role="status">${note}</p>` : ''}
<p>${started ? 'This meeting is in progress.' : 'This meeting has not started.'}</p>
<form method="post">
<input type="hidden" name="zak" value="${zak}">
<input type="hidden" name="action" value="${started ? 'end' : 'start'}">
<button class="button" type="submit">${started ? 'End meeting' : 'Start meeting'}</button>
</form>
<p>Starting or ending here sends the ${noun(record)}.started or .ended webhook, as Zoom does.</p>`,
  );
}

function registerStartPage(app: FastifyInstance, state: SandboxState): void {
  const check = (rawId: string, zak: string | undefined): { record?: MeetingRecord; verdict?: ZakCheck } => {
    const record = findRecord(state, rawId);
    if (!record) return {};
    const verdict: ZakCheck = zak
      ? state.zaks.verify(zak, record.id, state.nowMs())
      : { ok: false, reason: 'invalid' };
    return { record, verdict };
  };

  app.get<StartRequest>('/s/:id', async (request, reply) => {
    const { record, verdict } = check(request.params.id, request.query.zak);
    if (!record || !verdict) return notFound(reply, request.params.id);
    if (!verdict.ok) return hostLinkProblem(reply, verdict.reason);
    return hostPage(reply, record, request.query.zak ?? '');
  });

  app.post<StartRequest>('/s/:id', async (request, reply) => {
    const zak = request.body?.zak;
    const { record, verdict } = check(request.params.id, zak);
    if (!record || !verdict) return notFound(reply, request.params.id);
    if (!verdict.ok) return hostLinkProblem(reply, verdict.reason);
    try {
      const action = request.body?.action === 'end' ? 'end' : 'start';
      const updated = action === 'end' ? endMeeting(state, record.id) : startMeeting(state, record.id);
      return hostPage(
        reply,
        updated,
        zak ?? '',
        action === 'end' ? 'The meeting has ended.' : 'The meeting has started.',
      );
    } catch (err) {
      if (!(err instanceof ControlError)) throw err;
      return hostPage(reply, record, zak ?? '', err.message);
    }
  });
}

export function registerPages(app: FastifyInstance, state: SandboxState): void {
  registerJoinPage(app, state);
  registerStartPage(app, state);
}
