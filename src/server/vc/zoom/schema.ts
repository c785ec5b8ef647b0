import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Zoom's Server-to-Server OAuth tokens, one row per credential set, shared by every instance: Zoom
 * invalidates older tokens when many are minted at once (zoom_api.md §1), so instances must not each
 * keep their own.
 */
export const zoomTokens = pgTable('zoom_tokens', {
  /** sha256 of account id, client id, client secret and token URL: no secret is stored in clear. */
  key: text('key').primaryKey(),
  accessToken: text('access_token').notNull(),
  /** The API base to use with this token (the response's `api_url` + `/v2`, else the configured one). */
  apiUrl: text('api_url').notNull(),
  /** Space-separated scopes granted to the token, as Zoom returned them. */
  scopes: text('scopes').notNull().default(''),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Zoom event notifications already accepted, so that a retry of the same notification (Zoom retries when it
 * got no 2xx within 3 s, zoom_api.md §4) or a replay of a captured one is handled once.
 */
export const zoomWebhookDeliveries = pgTable(
  'zoom_webhook_deliveries',
  {
    /** sha256 of the event name, its event_ts and its payload (canonical JSON). */
    key: text('key').primaryKey(),
    event: text('event').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Old rows are pruned by age.
  (t) => [index('zoom_webhook_deliveries_received_idx').on(t.receivedAt)],
);
