// Turns Zoom's error answers (API and token endpoint) into ZoomErrors with actionable messages.
import { ZoomError, type ZoomFieldError } from './errors';
import { classifyRateLimit, describeWait } from './rate-limit';
import { scopesInMessage } from './scopes';
import { apiErrorSchema, oauthErrorSchema, type ZoomMeetingId } from './zoom-schemas';

/** What the failed call was about, so that messages can name the person or the meeting. */
export interface CallContext {
  /** "create a meeting", "read webinar", … as in "Zoom refused to <operation>". */
  operation: string;
  /** The user id or e-mail the call was about (host of a create, user of a lookup). */
  userId?: string;
  meetingId?: ZoomMeetingId;
  resource?: 'meeting' | 'webinar';
}

export interface ErrorAnswer {
  status: number;
  headers: Headers;
  /** The raw body: JSON as a rule, but some failure paths answer XML (zoom_api.md §2.5). */
  text: string;
}

interface ParsedBody {
  code: number | undefined;
  message: string;
  errors: Array<{ field?: string | undefined; message?: string | undefined }>;
}

export function parseErrorBody(text: string): ParsedBody {
  try {
    const body = apiErrorSchema.safeParse(JSON.parse(text));
    if (body.success) {
      const code = body.data.code === undefined ? undefined : Number(body.data.code);
      return {
        code: Number.isFinite(code) ? code : undefined,
        message: body.data.message ?? '',
        errors: body.data.errors ?? [],
      };
    }
  } catch {
    // not JSON: fall through to the XML form
  }
  const code = /<code>\s*(\d+)\s*<\/code>/i.exec(text)?.[1];
  const message = /<message>([^<]*)<\/message>/i.exec(text)?.[1] ?? '';
  return { code: code ? Number(code) : undefined, message: message.trim(), errors: [] };
}

/** Zoom's request field → the name Convene's forms use, and how a message calls it. */
const FIELD_NAMES: Record<string, { field: string; label: string }> = {
  password: { field: 'passcode', label: 'the passcode' },
  topic: { field: 'name', label: 'the name' },
  agenda: { field: 'description', label: 'the description' },
  start_time: { field: 'startTime', label: 'the start time' },
  duration: { field: 'duration', label: 'the duration' },
  timezone: { field: 'timezone', label: 'the time zone' },
  schedule_for: { field: 'host', label: 'the host' },
  'settings.alternative_hosts': { field: 'alternativeHosts', label: 'the alternative hosts' },
  'settings.waiting_room': { field: 'waitingRoom', label: 'the waiting room setting' },
  'settings.join_before_host': { field: 'joinBeforeHost', label: 'the join-before-host setting' },
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function mapZoomField(zoomField: string): { field: string; label: string } {
  const known = FIELD_NAMES[zoomField];
  if (known) return known;
  if (zoomField === '') return { field: '', label: 'the request' };
  const path = zoomField.replace(/^settings\./, '');
  return { field: path.split('.').map(camel).join('.'), label: `“${zoomField}”` };
}

function validationFields(body: ParsedBody): ZoomFieldError[] {
  const fields = body.errors
    .filter((e): e is { field: string; message?: string } => typeof e.field === 'string' && e.field !== '')
    .map((e) => {
      const { field } = mapZoomField(e.field);
      return { field, zoomField: e.field, message: e.message || 'Invalid field.' };
    });
  if (fields.length) return fields;
  // Some 300s name the field only in their message.
  if (/pass(word|code)/i.test(body.message))
    return [{ field: 'passcode', zoomField: 'password', message: body.message }];
  if (/alternative.?host/i.test(body.message))
    return [{ field: 'alternativeHosts', zoomField: 'settings.alternative_hosts', message: body.message }];
  return [];
}

const isEmail = (s: string) => s.includes('@');
const noun = (ctx: CallContext) => (ctx.resource === 'webinar' ? 'Webinar' : 'Meeting');

function userNotFoundMessage(code: number, ctx: CallContext, zoomMessage: string): string {
  const who = ctx.userId;
  if (!who)
    return `The Zoom user of this ${noun(ctx).toLowerCase()} does not exist any more (${zoomMessage}).`;
  const person = isEmail(who) ? who : `Zoom user ${who}`;
  if (code === 1120)
    return `${person} has been invited to the Zoom account but has not accepted (the invitation is pending or expired): they must accept it before they can host.`;
  if (code === 1010)
    return `${person} does not belong to this Zoom account: add them to it or choose another person.`;
  return `${person} has no Zoom account: add them to the Zoom account or choose another person.`;
}

/** The error for a non-2xx answer of the REST API (the 401 refresh and 3000 fallback happen before). */
export function zoomErrorFromAnswer(answer: ErrorAnswer, ctx: CallContext, now: Date): ZoomError {
  const body = parseErrorBody(answer.text);
  const zoomMessage = body.message || `HTTP ${answer.status}`;
  const base = { httpStatus: answer.status, zoomCode: body.code, now };
  const what = ctx.meetingId !== undefined ? `${noun(ctx).toLowerCase()} ${ctx.meetingId}` : undefined;
  const refused = `Zoom refused to ${ctx.operation}${what && !ctx.operation.includes(what) ? ` (${what})` : ''}`;

  if (answer.status === 429 || body.code === 429) return rateLimitError(answer, body, ctx, now);
  // The 2023 spec still reports the per-host daily cap as a 300 (zoom_api.md §3).
  if (body.code === 300 && /maximum of \d+ .*(one|a|per) day/i.test(body.message))
    return rateLimitError(answer, body, ctx, now);
  switch (body.code) {
    case 124:
      return new ZoomError(
        'token',
        `Zoom refused the access token even after a new one was fetched (${zoomMessage}); check the server's clock and that the Zoom app is activated.`,
        base,
      );
    case 104:
    case 4711: {
      const missingScopes = scopesInMessage(body.message);
      const list = missingScopes.length ? missingScopes.join(', ') : 'needed scopes';
      return new ZoomError(
        'scope',
        `The Zoom app lacks the scopes ${list}: add them to the Server-to-Server OAuth app in the Zoom Marketplace, then run \`npm run zoom -- check\` to fetch a token with them.`,
        { ...base, missingScopes },
      );
    }
    case 1001:
    case 1010:
    case 1120:
      return new ZoomError('user-not-found', userNotFoundMessage(body.code, ctx, zoomMessage), base);
    case 3001:
      return meetingGone(ctx, zoomMessage, base);
    case 200:
      return new ZoomError(
        'webinar-license',
        `${ctx.userId ?? 'The host'} has no Zoom webinar licence (${zoomMessage}): assign one in Zoom or create a regular meeting.`,
        base,
      );
    case 300: {
      // Deleting an unknown meeting answers 300 "Meeting … is not found or has expired."
      if (/not found or has expired/i.test(body.message)) return meetingGone(ctx, zoomMessage, base);
      const fields = validationFields(body);
      const detail = fields.length
        ? fields.map((f) => `${mapZoomField(f.zoomField).label}: ${f.message}`).join('; ')
        : zoomMessage;
      return new ZoomError('validation', `Zoom refused ${detail}`, { ...base, fields });
    }
  }
  if (answer.status === 404 && ctx.meetingId !== undefined) return meetingGone(ctx, zoomMessage, base);
  if (answer.status === 401)
    return new ZoomError('token', `Zoom refused the access token (${zoomMessage}).`, base);
  if (answer.status >= 500)
    return new ZoomError(
      'unavailable',
      `Zoom failed to ${ctx.operation} (HTTP ${answer.status}); try again later.`,
      base,
    );
  const code = body.code !== undefined ? `, code ${body.code}` : '';
  return new ZoomError('refused', `${refused}: ${zoomMessage} (HTTP ${answer.status}${code}).`, base);
}

function meetingGone(
  ctx: CallContext,
  zoomMessage: string,
  base: { httpStatus: number; zoomCode: number | undefined; now: Date },
) {
  const id = ctx.meetingId !== undefined ? ` ${ctx.meetingId}` : '';
  return new ZoomError(
    'meeting-not-found',
    `${noun(ctx)}${id} does not exist on Zoom any more: it was deleted or has expired (${zoomMessage.replace(/\.$/, '')}).`,
    base,
  );
}

function rateLimitError(answer: ErrorAnswer, body: ParsedBody, ctx: CallContext, now: Date): ZoomError {
  const info = classifyRateLimit(answer.headers, body.message, now);
  const when = info.retryAt
    ? `${describeWait(info.retryAt, now)} (${info.retryAt.toISOString()})`
    : 'shortly';
  const category = info.category ? `${info.category} ` : '';
  const message =
    info.rateLimit === 'daily-host'
      ? `${ctx.userId ?? 'The host'} has reached Zoom's limit of 100 meeting and webinar creations or updates a day; it resets at 00:00 UTC, ${when}.`
      : info.rateLimit === 'daily-account'
        ? `The Zoom account has used its daily quota of ${category}API requests; try again ${when}.`
        : `Zoom is receiving too many requests from this account; try again ${when}.`;
  return new ZoomError('rate-limited', message, {
    httpStatus: answer.status,
    zoomCode: body.code,
    retryAt: info.retryAt,
    rateLimit: info.rateLimit,
    now,
  });
}

const CREDENTIAL_SETTINGS =
  'ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (or the Zoom admin settings)';

/** The error for a failed token request (zoom_api.md §1, "Errors"). */
export function tokenErrorFromAnswer(answer: ErrorAnswer, now: Date): ZoomError {
  let parsed: ReturnType<typeof oauthErrorSchema.safeParse> | undefined;
  try {
    parsed = oauthErrorSchema.safeParse(JSON.parse(answer.text));
  } catch {
    parsed = undefined;
  }
  const body = parsed?.success ? parsed.data : {};
  const code = body.code === undefined ? undefined : Number(body.code);
  const reason = body.reason ?? body.message ?? body.error ?? `HTTP ${answer.status}`;
  const base = { httpStatus: answer.status, zoomCode: body.error ?? code, now };
  if (answer.status === 429) {
    const info = classifyRateLimit(answer.headers, reason, now);
    const when = info.retryAt ? describeWait(info.retryAt, now) : 'shortly';
    return new ZoomError(
      'rate-limited',
      `Zoom's token endpoint is rate limiting this app; try again ${when}.`,
      {
        ...base,
        retryAt: info.retryAt,
        rateLimit: info.rateLimit,
      },
    );
  }
  if (answer.status >= 500)
    return new ZoomError(
      'unavailable',
      `Zoom's token endpoint failed (HTTP ${answer.status}); try again later.`,
      base,
    );
  const error = body.error ?? '';
  if (error === 'invalid_client' || code === 4702 || code === 4704)
    return new ZoomError(
      'credentials',
      `Zoom rejected the client ID or client secret (${reason}): check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (or the Zoom admin settings).`,
      base,
    );
  if (error === 'invalid_grant' || (error === 'invalid_request' && /account/i.test(reason)))
    return new ZoomError(
      'credentials',
      `Zoom rejected the account ID (${reason}): check ZOOM_ACCOUNT_ID (or the Zoom admin settings) against the app's page in the Zoom Marketplace.`,
      base,
    );
  if (error === 'unsupported_grant_type' || code === 4705)
    return new ZoomError(
      'credentials',
      `Zoom does not accept account credentials at this token URL (${reason}): the app must be a Server-to-Server OAuth app, and ZOOM_OAUTH_TOKEN_URL must be Zoom's token endpoint.`,
      base,
    );
  if (code === 4706)
    return new ZoomError(
      'credentials',
      `Zoom says the client credentials are missing (${reason}): set ${CREDENTIAL_SETTINGS}.`,
      base,
    );
  if (code === 4717 || /disabled|deactivated/i.test(reason))
    return new ZoomError(
      'credentials',
      `The Zoom app is disabled (${reason}): activate the Server-to-Server OAuth app in the Zoom Marketplace.`,
      base,
    );
  if (code !== undefined && code >= 4700 && code <= 4741)
    return new ZoomError(
      'credentials',
      `Zoom refused the app's credentials (code ${code}: ${reason}): check ${CREDENTIAL_SETTINGS}.`,
      base,
    );
  if (answer.status === 400 || answer.status === 401)
    return new ZoomError(
      'credentials',
      `Zoom refused the app's credentials (${reason}): check ${CREDENTIAL_SETTINGS}.`,
      base,
    );
  return new ZoomError(
    'bad-response',
    `Zoom's token endpoint answered HTTP ${answer.status} (${reason}).`,
    base,
  );
}
