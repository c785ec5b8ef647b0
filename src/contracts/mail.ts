import { z } from 'zod';
import { PageParam } from './ids';

export const OutboxMail = z.object({
  id: z.number().int(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  module: z.string(),
  eventId: z.number().int().nullable(),
  status: z.enum(['pending', 'sent', 'kept', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OutboxQuery = z.object({ page: PageParam(1_000_000).default(1) });

export const OutboxPage = z.object({
  items: z.array(OutboxMail),
  hasMore: z.boolean(),
  /** false: no SMTP_URL, e-mails are only kept here. */
  delivers: z.boolean(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;
