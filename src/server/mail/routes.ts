import { OutboxPage, OutboxQuery } from '../../contracts/mail';
import { requireAdmin } from '../auth/guards';
import { ErrorResponse } from '../http/schemas';
import type { App, AppDeps } from '../http/types';
import { listOutbox } from './mailer';
import type { MailRow } from './schema';

const PAGE_SIZE = 50;

const present = (m: MailRow) => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export function registerMailRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'E-mails sent or kept by Convene, newest first (administrators)',
        querystring: OutboxQuery,
        response: { 200: OutboxPage, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      requireAdmin(request);
      const { items, hasMore } = await listOutbox(deps.db, request.query.page, PAGE_SIZE);
      return { items: items.map(present), hasMore, delivers: deps.mailer.delivers };
    },
  );
}
