import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Soft delete: the row stays so that the log and other modules' links keep pointing at something. */
const deletedAt = () => timestamp('deleted_at', { withTimezone: true });
/** Optimistic concurrency: every update sends the version it edited and bumps it. */
const version = () => integer('version').notNull().default(1);

export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    /** Markdown source; the client renders it safely. */
    description: text('description').notNull().default(''),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    /** IANA name; times are stored in UTC and shown in this zone. */
    timezone: text('timezone').notNull(),
    location: text('location').notNull().default(''),
    /** The physical meeting room. */
    roomName: text('room_name').notNull().default(''),
    protectionMode: text('protection_mode', { enum: ['public', 'logged_in', 'restricted'] })
      .notNull()
      .default('public'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    version: version(),
  },
  (t) => [
    check('events_end_after_start', sql`${t.endAt} > ${t.startAt}`),
    // Upcoming lists scan by end time among live events.
    index('events_live_end_idx').on(t.endAt).where(sql`${t.deletedAt} IS NULL`),
    index('events_live_start_idx').on(t.startAt).where(sql`${t.deletedAt} IS NULL`),
    // Title search is a case-insensitive substring match (ILIKE '%q%'): trigrams serve it.
    index('events_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

export const eventManagers = pgTable(
  'event_managers',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_managers_user_idx').on(t.userId)],
);

/** Who may see a `restricted` event besides its managers and the admins. */
export const eventAllowedUsers = pgTable(
  'event_allowed_users',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_allowed_users_user_idx').on(t.userId)],
);

export const eventSessions = pgTable(
  'event_sessions',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    colour: text('colour').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    version: version(),
  },
  (t) => [index('event_sessions_event_idx').on(t.eventId)],
);

/** A session's time slot. */
export const sessionBlocks = pgTable(
  'session_blocks',
  {
    id: serial('id').primaryKey(),
    /** Denormalised from the session so the timetable loads by event in one query. */
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    version: version(),
  },
  (t) => [
    check('session_blocks_duration_positive', sql`${t.durationMinutes} > 0`),
    index('session_blocks_event_idx').on(t.eventId),
    index('session_blocks_session_idx').on(t.sessionId),
  ],
);

export const contributions = pgTable(
  'contributions',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    blockId: integer('block_id').references(() => sessionBlocks.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** null: not scheduled. */
    startAt: timestamp('start_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    version: version(),
  },
  (t) => [
    check('contributions_duration_positive', sql`${t.durationMinutes} > 0`),
    check('contributions_block_needs_start', sql`${t.blockId} IS NULL OR ${t.startAt} IS NOT NULL`),
    index('contributions_event_idx').on(t.eventId),
    index('contributions_block_idx').on(t.blockId),
  ],
);

/** Name and e-mail are copied from the user when one is linked, so the page needs no join. */
export const contributionSpeakers = pgTable(
  'contribution_speakers',
  {
    id: serial('id').primaryKey(),
    contributionId: integer('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
  },
  (t) => [index('contribution_speakers_contribution_idx').on(t.contributionId, t.position)],
);

export const eventLog = pgTable(
  'event_log',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Which feature wrote it: event, timetable, protection, vc, … */
    module: text('module').notNull(),
    kind: text('kind', { enum: ['added', 'changed', 'removed', 'other'] }).notNull(),
    summary: text('summary').notNull(),
    /** The changed fields only, before and after. */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('event_log_event_at_idx').on(t.eventId, t.at.desc(), t.id.desc()),
    index('event_log_event_module_idx').on(t.eventId, t.module),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type SessionRow = typeof eventSessions.$inferSelect;
export type BlockRow = typeof sessionBlocks.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;
export type SpeakerRow = typeof contributionSpeakers.$inferSelect;
export type EventLogRow = typeof eventLog.$inferSelect;
