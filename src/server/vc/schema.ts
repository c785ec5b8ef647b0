import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { contributions, events, sessionBlocks } from '../events/schema';

/**
 * A videoconference room at a provider. `status = deleted` means "gone at the provider" (deleted by us, or
 * reported gone on refresh); the row stays so that logs and overviews keep naming it. A deletion asked of
 * the provider but not yet confirmed has `deletionRequestedAt` set and status `created` (a job retries it).
 */
export const vcRooms = pgTable(
  'vc_rooms',
  {
    id: serial('id').primaryKey(),
    /** The provider's registry name; its rooms stay when the provider is disabled. */
    provider: text('provider').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['created', 'deleted'] })
      .notNull()
      .default('created'),
    /** The provider's own data (ids, URLs, settings), validated by its schema. */
    data: jsonb('data').$type<unknown>().notNull().default({}),
    /** Opaque keys of the room's hosts, from the provider: "My rooms" and the host's rights query them. */
    hostKeys: text('host_keys').array().notNull().default(sql`'{}'::text[]`),
    /** What else "Add existing" finds the room by (e.g. a numeric meeting id), from the provider. */
    searchKeys: text('search_keys').array().notNull().default(sql`'{}'::text[]`),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by every change; an edit made on an older version gets 409 (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
    deletionRequestedById: integer('deletion_requested_by_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    /** The provider's last answer to a deletion that has not succeeded yet. */
    deletionError: text('deletion_error'),
    /**
     * Set by whoever is calling the provider's delete now (a request or the job): one caller at a time, so a
     * room is deleted at its provider once. A claim older than the lease belongs to a caller that died.
     */
    deletionClaimedAt: timestamp('deletion_claimed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('vc_rooms_provider_status_idx').on(t.provider, t.status),
    index('vc_rooms_created_by_idx').on(t.createdById),
    // "Add existing" and the admin overview search names as substrings (ILIKE '%q%').
    index('vc_rooms_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('vc_rooms_host_keys_idx').using('gin', t.hostKeys),
    index('vc_rooms_search_keys_idx').using('gin', t.searchKeys),
  ],
);

/**
 * A room used in one event: linked to the whole event, one of its contributions or one of its session
 * blocks. `eventId` is the owning event whatever the target; exactly one of linkedEventId, contributionId
 * and blockId is set. The database enforces the linking rules as well as the code does.
 */
export const vcRoomLinks = pgTable(
  'vc_room_links',
  {
    id: serial('id').primaryKey(),
    roomId: integer('room_id')
      .notNull()
      .references(() => vcRooms.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    linkedEventId: integer('linked_event_id').references(() => events.id, { onDelete: 'cascade' }),
    contributionId: integer('contribution_id').references(() => contributions.id, { onDelete: 'cascade' }),
    blockId: integer('block_id').references(() => sessionBlocks.id, { onDelete: 'cascade' }),
    /** Shown to participants on the event's pages; managers always see it. */
    show: boolean('show').notNull().default(true),
    /** The provider's per-link data (e.g. who may see the passcode here), validated by its schema. */
    data: jsonb('data').$type<unknown>().notNull().default({}),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'vc_room_links_one_target',
      sql`num_nonnulls(${t.linkedEventId}, ${t.contributionId}, ${t.blockId}) = 1`,
    ),
    check(
      'vc_room_links_event_target_is_owner',
      sql`${t.linkedEventId} IS NULL OR ${t.linkedEventId} = ${t.eventId}`,
    ),
    // At most one room per contribution and per session block, whatever the provider.
    uniqueIndex('vc_room_links_contribution_uq')
      .on(t.contributionId)
      .where(sql`${t.contributionId} IS NOT NULL`),
    uniqueIndex('vc_room_links_block_uq').on(t.blockId).where(sql`${t.blockId} IS NOT NULL`),
    // A room is linked to a whole event at most once.
    uniqueIndex('vc_room_links_room_event_uq')
      .on(t.roomId, t.linkedEventId)
      .where(sql`${t.linkedEventId} IS NOT NULL`),
    index('vc_room_links_event_idx').on(t.eventId),
    index('vc_room_links_room_idx').on(t.roomId),
  ],
);

export type VcRoomRow = typeof vcRooms.$inferSelect;
export type VcRoomLinkRow = typeof vcRoomLinks.$inferSelect;

/**
 * A create under way: committed before the provider is called, deleted in the transaction that saves the room.
 * One still here when its sweep job runs belongs to a request that died or failed after (or while) calling the
 * provider: the job marks it swept, so that the room can no longer be saved, and deletes at the provider
 * what the create may have made there. `data` is what the provider recorded to find it (before its call).
 */
export const vcCreateIntents = pgTable('vc_create_intents', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  data: jsonb('data').$type<unknown>(),
  sweptAt: timestamp('swept_at', { withTimezone: true }),
});
