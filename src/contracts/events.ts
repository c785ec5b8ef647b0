// Request and response schemas of the events API: the server validates with them, the client imports the types.
// Times travel as ISO 8601 strings (responses in UTC, with the event's IANA `timezone` beside them).
import { z } from 'zod';
import { DecimalParam, IdParam, MAX_ID, PageParam } from './ids';
import { Text } from './text';

/** A database id in a URL or body: positive and within PostgreSQL's integer range. */
export const Id = IdParam;
const BodyId = z.number().int().positive().max(2_147_483_647);

export const IsoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be a date and time such as 2030-05-01T09:00:00Z',
});

/** True for names Intl knows (IANA zones and their aliases); offsets such as "+01:00" are refused. */
export function isKnownTimezone(tz: string): boolean {
  if (!/^[A-Za-z]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Timezone = Text()
  .max(64)
  .refine(isKnownTimezone, { error: 'is not a known IANA timezone such as Europe/Zurich' });

export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour such as #1a2b3c' });
export const ProtectionMode = z.enum(['public', 'logged_in', 'restricted']);
export type ProtectionMode = z.infer<typeof ProtectionMode>;

const Title = Text().trim().min(1, { error: 'must not be empty' }).max(250);
const Markdown = Text().max(100_000);
const ShortText = Text().trim().max(250);
/** A session block or contribution lasts between one minute and 31 days. */
const Duration = z
  .number()
  .int()
  .min(1)
  .max(31 * 24 * 60);
/** The version the client edited; a stale one gets 409 with the current item. */
const Version = z.number().int().min(1);

// ---------- responses ----------

export const UserRef = z.object({ id: z.number(), name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof UserRef>;

export const EventCan = z.object({ manage: z.boolean() });

export const EventSummary = z.object({
  id: z.number(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  location: z.string(),
  roomName: z.string(),
  protectionMode: ProtectionMode,
  can: EventCan,
});
export type EventSummary = z.infer<typeof EventSummary>;

export const Event = EventSummary.extend({
  description: z.string(),
  /** Calendar days of the first and last moment, in the event's timezone (YYYY-MM-DD). */
  startDay: z.string(),
  endDay: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.infer<typeof Event>;

/** The new event of a clone, with what the modules' clone steps had to say (rooms not linked, and why). */
export const ClonedEvent = Event.extend({ notices: z.array(z.string()) });
export type ClonedEvent = z.infer<typeof ClonedEvent>;

export const Session = z.object({
  id: z.number(),
  title: z.string(),
  colour: z.string(),
  version: z.number(),
});
export type Session = z.infer<typeof Session>;

export const Block = z.object({
  id: z.number(),
  sessionId: z.number(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  /** The day of `start` in the event's timezone (YYYY-MM-DD), for grouping the timetable. */
  day: z.string(),
  durationMinutes: z.number(),
  version: z.number(),
});
export type Block = z.infer<typeof Block>;

export const Speaker = z.object({
  id: z.number(),
  userId: z.number().nullable(),
  name: z.string(),
  /** Shown to the event's managers only; null for everyone else. */
  email: z.string().nullable(),
});
export type Speaker = z.infer<typeof Speaker>;

export const Contribution = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  /** null when the contribution is not scheduled. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  day: z.string().nullable(),
  durationMinutes: z.number(),
  blockId: z.number().nullable(),
  sessionId: z.number().nullable(),
  speakers: z.array(Speaker),
  version: z.number(),
});
export type Contribution = z.infer<typeof Contribution>;

/**
 * What other modules add to a page (see the events feature's display extensions): module id → its data,
 * shaped by that module's own contract (the videoconference rooms under `vc`).
 */
export const PageExtensions = z.record(z.string(), z.unknown());

/** Everything the event page needs, in one response. */
export const EventPage = z.object({
  event: Event,
  sessions: z.array(Session),
  blocks: z.array(Block),
  contributions: z.array(Contribution),
  extensions: PageExtensions,
});
export type EventPage = z.infer<typeof EventPage>;

export const ContributionPage = z.object({
  event: EventSummary,
  contribution: Contribution,
  block: Block.nullable(),
  session: Session.nullable(),
  extensions: PageExtensions,
});
export type ContributionPage = z.infer<typeof ContributionPage>;

export const BlockPage = z.object({
  event: EventSummary,
  block: Block,
  session: Session,
  contributions: z.array(Contribution),
  extensions: PageExtensions,
});
export type BlockPage = z.infer<typeof BlockPage>;

export const EventList = z.object({
  items: z.array(EventSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type EventList = z.infer<typeof EventList>;

export const MyEvents = EventList.extend({ can: z.object({ create: z.boolean() }) });
export type MyEvents = z.infer<typeof MyEvents>;

export const Protection = z.object({
  mode: ProtectionMode,
  managers: z.array(UserRef),
  allowedUsers: z.array(UserRef),
  /** The event's version: protection and settings are edited as one item. */
  version: z.number(),
});
export type Protection = z.infer<typeof Protection>;

export const LogKind = z.enum(['added', 'changed', 'removed', 'other']);
export type LogKind = z.infer<typeof LogKind>;

export const LogEntry = z.object({
  id: z.number(),
  at: z.string(),
  module: z.string(),
  kind: LogKind,
  summary: z.string(),
  actor: z.object({ id: z.number(), name: z.string() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const EventLog = z.object({
  items: z.array(LogEntry),
  /** Every module with entries in this event's log, for the filter. */
  modules: z.array(z.string()),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type EventLog = z.infer<typeof EventLog>;

export const CloneOption = z.object({
  id: z.string(),
  label: z.string(),
  defaultOn: z.boolean(),
  available: z.boolean(),
  /** true for the events feature's own options, false for those modules registered. */
  core: z.boolean(),
});
export const CloneOptions = z.object({ options: z.array(CloneOption) });
export type CloneOptions = z.infer<typeof CloneOptions>;

export const Created = z.object({ id: z.number() });
export const CreatorsSetting = z.object({ restricted: z.boolean(), users: z.array(UserRef) });
export type CreatorsSetting = z.infer<typeof CreatorsSetting>;

// ---------- requests ----------

export const EventParams = z.object({ eventId: Id });
export const ContributionParams = z.object({ eventId: Id, contributionId: Id });
export const BlockParams = z.object({ eventId: Id, blockId: Id });
export const SessionParams = z.object({ eventId: Id, sessionId: Id });
/** Optional on deletes: when given and stale, the delete is refused with 409. */
export const DeleteQuery = z.object({ version: DecimalParam({ min: 1, max: MAX_ID }).optional() });

export const CreateEventBody = z.object({
  title: Title,
  description: Markdown.default(''),
  start: IsoDateTime,
  end: IsoDateTime,
  timezone: Timezone,
  location: ShortText.default(''),
  roomName: ShortText.default(''),
  protectionMode: ProtectionMode.default('public'),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z.object({
  version: Version,
  title: Title.optional(),
  description: Markdown.optional(),
  start: IsoDateTime.optional(),
  end: IsoDateTime.optional(),
  timezone: Timezone.optional(),
  location: ShortText.optional(),
  roomName: ShortText.optional(),
  /** When the start moves, move every block and contribution by the same amount. */
  shiftTimetable: z.boolean().default(false),
});
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const UpdateProtectionBody = z.object({
  version: Version,
  mode: ProtectionMode.optional(),
  managerIds: z.array(BodyId).max(500).optional(),
  allowedUserIds: z.array(BodyId).max(5000).optional(),
});
export type UpdateProtectionBody = z.infer<typeof UpdateProtectionBody>;

export const CreateSessionBody = z.object({ title: Title, colour: Colour.default('#5b7db1') });
export const UpdateSessionBody = z.object({
  version: Version,
  title: Title.optional(),
  colour: Colour.optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

export const CreateBlockBody = z.object({
  sessionId: BodyId,
  title: ShortText.default(''),
  start: IsoDateTime,
  durationMinutes: Duration,
});
export const UpdateBlockBody = z.object({
  version: Version,
  sessionId: BodyId.optional(),
  title: ShortText.optional(),
  /** Moving a block moves the contributions inside it by the same amount. */
  start: IsoDateTime.optional(),
  durationMinutes: Duration.optional(),
});
export type CreateBlockBody = z.infer<typeof CreateBlockBody>;
export type UpdateBlockBody = z.infer<typeof UpdateBlockBody>;

/** A speaker is a user of Convene (userId), or a name with an optional e-mail address. */
export const SpeakerInput = z
  .object({
    userId: BodyId.optional(),
    name: Title.optional(),
    email: z.email().max(250).or(z.literal('')).optional(),
  })
  .refine((s) => s.userId !== undefined || s.name !== undefined, {
    error: 'a speaker needs a userId or a name',
    path: ['name'],
  });
export type SpeakerInput = z.infer<typeof SpeakerInput>;

export const CreateContributionBody = z.object({
  title: Title,
  description: Markdown.default(''),
  /** null or absent: unscheduled. */
  start: IsoDateTime.nullable().default(null),
  durationMinutes: Duration.default(20),
  blockId: BodyId.nullable().default(null),
  speakers: z.array(SpeakerInput).max(100).default([]),
});
export const UpdateContributionBody = z.object({
  version: Version,
  title: Title.optional(),
  description: Markdown.optional(),
  /** null unschedules the contribution (and takes it out of its block). */
  start: IsoDateTime.nullable().optional(),
  durationMinutes: Duration.optional(),
  /** null takes it out of its block; a number moves it into that block. */
  blockId: BodyId.nullable().optional(),
  /** Replaces the list of speakers when given. */
  speakers: z.array(SpeakerInput).max(100).optional(),
});
export type CreateContributionBody = z.infer<typeof CreateContributionBody>;
export type UpdateContributionBody = z.infer<typeof UpdateContributionBody>;

export const ListEventsQuery = z.object({
  /** Present (empty, "true" or "1"): only events that have not ended yet, soonest first. */
  upcoming: z.enum(['', 'true', 'false', '1', '0']).optional(),
  q: Text().trim().max(200).optional(),
  page: PageParam().default(1),
});
export const PageQuery = z.object({ page: PageParam().default(1) });
export const LogQuery = PageQuery.extend({ module: Text().max(64).optional() });

export const CloneBody = z.object({
  /** The clone's start; its end and timetable move by the same amount. */
  startDate: IsoDateTime,
  title: Title.optional(),
  /** Option id → on/off; options left out take their default. */
  options: z.record(Text().max(64), z.boolean()).default({}),
});
export type CloneBody = z.infer<typeof CloneBody>;

export const UpdateCreatorsBody = z.object({
  restricted: z.boolean(),
  userIds: z.array(BodyId).max(5000),
});
export type UpdateCreatorsBody = z.infer<typeof UpdateCreatorsBody>;
