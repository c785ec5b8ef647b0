import type { FastifyRequest, FastifyServerOptions } from 'fastify';

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
 * Query parameters that carry secrets in URLs: an identity provider's authorization code and state on the
 * single sign-on callback, and the single-use token of e-mailed links (sign-up, password reset, invitation).
 */
const SECRET_QUERY = /([?&](?:code|state|token|id_token_hint|session_state)=)[^&#]*/gi;

export const scrubUrl = (url: string): string => url.replace(SECRET_QUERY, '$1[redacted]');

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Fastify's own request serializer, with the secrets of the query string redacted.
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: scrubUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
