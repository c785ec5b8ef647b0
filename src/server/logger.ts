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

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}
