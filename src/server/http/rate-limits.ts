// Rate limits on the routes that are cheap to call and costly or revealing to answer many times: the user
// search, the Add-existing suggestions, Zoom's webhook, unknown URLs (scanners) and the account routes that
// send an e-mail or redeem a mailed token (so nobody floods an address with sign-up or reset mails). Counted per client
// address (TRUST_PROXY decides what that is) in each instance's memory: N instances allow N times the
// limit, which is enough to stop a scraper; the login throttle, which must be exact, lives in PostgreSQL.
import fastifyRateLimit from '@fastify/rate-limit';
import { AppError } from '../errors';
import type { App } from './types';

export const RATE_LIMITS = {
  userSearch: { max: 60, timeWindow: 60_000 },
  suggestions: { max: 120, timeWindow: 60_000 },
  webhook: { max: 600, timeWindow: 60_000 },
  notFound: { max: 120, timeWindow: 60_000 },
  accountMail: { max: 10, timeWindow: 15 * 60_000 },
  accountToken: { max: 30, timeWindow: 15 * 60_000 },
} as const;

export async function registerRateLimits(app: App): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('TOO_MANY_REQUESTS', `Too many requests: try again in ${retryAfter} seconds.`, {
        details: { retryAfter },
        headers: { 'retry-after': String(retryAfter) },
      });
    },
  });
}
