import { z } from 'zod';
import type { App, AppDeps } from './types';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unreachable']) });

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get('/healthz', { schema: { hide: true, response: { 200: Health } }, logLevel: 'warn' }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: Ready, 503: Ready } }, logLevel: 'warn' },
    async (_request, reply) => {
      try {
        await deps.pool.query('SELECT 1');
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    },
  );
}
