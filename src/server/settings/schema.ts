import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Admin settings of the server, one row per (module, key); each module validates its own values. */
export const settings = pgTable(
  'settings',
  {
    module: text('module').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.module, t.key] })],
);
