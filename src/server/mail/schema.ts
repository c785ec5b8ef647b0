import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every e-mail Convene sends goes through this outbox: with SMTP configured a job delivers it (and retries);
 * without, it is kept here for administrators to read. Either way there is a record of what was said to whom.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: serial('id').primaryKey(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default([]),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Which feature wrote it (vc, auth, …), for the admins' list. */
    module: text('module').notNull(),
    eventId: integer('event_id'),
    status: text('status', { enum: ['pending', 'sent', 'kept', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt.desc())],
);

export type MailRow = typeof mailOutbox.$inferSelect;
