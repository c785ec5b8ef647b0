import type { FastifyServerOptions } from 'fastify';

/** Secrets never reach the logs: cookies, tokens, passwords and provider credentials are redacted. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-zm-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passcode',
  '*.clientSecret',
  '*.client_secret',
  '*.webhookSecret',
  '*.access_token',
  '*.accessToken',
  '*.token',
];

/**
 * Query parameters whose values are secrets: Zoom's `pwd` (join links) and `zak` (start links), typed
 * passcodes (the sandbox's and Test rooms' forms), tokens (e-mailed sign-up, reset and invitation links,
 * id_token_hint), and OpenID Connect's code, state and session_state.
 */
const SECRET_QUERY_KEY = /pwd|zak|pass|token|secret|signature|^code$|^state$|^session_state$|^key$/i;

/** The URL as logs may keep it: the value of every secret query parameter replaced by [redacted]. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        return '[redacted]';
      }
      return SECRET_QUERY_KEY.test(key) && eq >= 0 ? `${rawKey}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/** The one place a request's URL reaches the log (Fastify's "incoming request" and "request completed"). */
export const requestSerializer = (request: LoggedRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  hostname: request.hostname,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: requestSerializer },
  };
}
