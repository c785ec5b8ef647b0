// The videoconference API: rooms (a meeting at a provider) and their links to an event, a contribution or a
// session block. Provider-specific fields travel as `form`/`linkForm` and are checked by the provider's own
// schemas; everything here is common to every provider.
import { z } from 'zod';

const BodyId = z.number().int().positive().max(2_147_483_647);
const noNul = (s: string) => !s.includes('\u0000');

export const RoomName = z
  .string({ error: 'is required' })
  .trim()
  .min(3, { error: 'must be at least 3 characters' })
  .max(250, { error: 'must be at most 250 characters' })
  .refine(noNul, { error: 'must not contain NUL characters' });

/** What a link points at, as a form sends it (the event is the one in the URL). */
export const VcTargetInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event') }),
  z.object({ type: z.literal('contribution'), contributionId: BodyId }),
  z.object({ type: z.literal('block'), blockId: BodyId }),
]);
export type VcTargetInput = z.infer<typeof VcTargetInput>;

/** What a link points at, as pages show it; times are ISO strings in UTC. */
export const VcTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), title: z.string() }),
  z.object({
    type: z.literal('contribution'),
    id: z.number(),
    title: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    /** The contribution lost its place in the timetable; the room stays linked to it. */
    unscheduled: z.boolean(),
  }),
  z.object({
    type: z.literal('block'),
    id: z.number(),
    title: z.string(),
    sessionTitle: z.string(),
    start: z.string(),
    end: z.string(),
  }),
]);
export type VcTarget = z.infer<typeof VcTarget>;

export const VcProviderRef = z.object({
  name: z.string(),
  displayName: z.string(),
  logoUrl: z.string(),
});
export type VcProviderRef = z.infer<typeof VcProviderRef>;

export const VcProviderInfo = VcProviderRef.extend({ description: z.string() });
export type VcProviderInfo = z.infer<typeof VcProviderInfo>;

export const DetailItem = z.object({
  label: z.string(),
  value: z.string(),
  kind: z.enum(['text', 'secret', 'url', 'phone']),
  copyable: z.boolean().optional(),
});
export type DetailItem = z.infer<typeof DetailItem>;

/** What the viewer may see of a room, as its provider decided; Join goes through `joinPath`. */
export const VcDetails = z.object({
  /** Our join route (it redirects to the provider); null when this viewer cannot join from here. */
  joinPath: z.string().nullable(),
  loginRequired: z.boolean(),
  /** Logging in would show this visitor more (the passcode): the page offers "Please log in". */
  loginReveals: z.boolean(),
  joinHint: z.string().nullable(),
  items: z.array(DetailItem),
  sections: z.array(z.object({ title: z.string(), items: z.array(DetailItem) })),
  badges: z.array(z.string()),
});
export type VcDetails = z.infer<typeof VcDetails>;

/** created: usable; deleting: deletion asked of the provider, being retried; deleted: gone at the provider. */
export const VcStatus = z.enum(['created', 'deleting', 'deleted']);
export type VcStatus = z.infer<typeof VcStatus>;

/** A room as the event's pages show it, beside what it is linked to. */
export const VcDisplayRoom = z.object({
  linkId: z.number(),
  roomId: z.number(),
  name: z.string(),
  provider: VcProviderRef,
  target: VcTarget,
  status: VcStatus,
  /** Not shown to participants: listed because the viewer manages the event. */
  hidden: z.boolean(),
  details: VcDetails,
  can: z.object({ join: z.boolean() }),
});
export type VcDisplayRoom = z.infer<typeof VcDisplayRoom>;

/** The `vc` entry of an event, contribution or block page's `extensions`. */
export const VcDisplay = z.object({ rooms: z.array(VcDisplayRoom) });
export type VcDisplay = z.infer<typeof VcDisplay>;

export const UserName = z.object({ id: z.number(), name: z.string() });
export const EventRef = z.object({ id: z.number(), title: z.string() });
export type EventRef = z.infer<typeof EventRef>;

export const VcCan = z.object({
  /** Change this link (target, show, link fields). */
  edit: z.boolean(),
  /** Change the room itself (name, provider fields): shared rooms need rights on the room. */
  editRoom: z.boolean(),
  refresh: z.boolean(),
  detach: z.boolean(),
  delete: z.boolean(),
  join: z.boolean(),
});
export type VcCan = z.infer<typeof VcCan>;

/** One row of Services → Videoconference: a link of this event and its room. */
export const VcManagedRoom = VcDisplayRoom.extend({
  show: z.boolean(),
  providerAvailable: z.boolean(),
  createdBy: UserName.nullable(),
  /** Who hosts the room (the provider's notion), by name: often not its creator. */
  host: z.string().nullable(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  deletion: z.object({ requestedAt: z.string(), error: z.string().nullable() }).nullable(),
  deletedAt: z.string().nullable(),
  /** Other events that use the room and the viewer may see; `hiddenOtherEvents` counts the rest. */
  otherEvents: z.array(EventRef),
  hiddenOtherEvents: z.number(),
  /** Links of the room across every event (this one included). */
  totalLinks: z.number(),
  actions: z.array(z.object({ id: z.string(), label: z.string() })),
  can: VcCan,
});
export type VcManagedRoom = z.infer<typeof VcManagedRoom>;

export const VcManagePage = z.object({
  event: z.object({ id: z.number(), title: z.string(), timezone: z.string() }),
  rooms: z.array(VcManagedRoom),
  /** Enabled providers this user may use here (Create and Add existing offer them). */
  providers: z.array(VcProviderInfo),
});
export type VcManagePage = z.infer<typeof VcManagePage>;

const LinkedRoom = z.object({ id: z.number(), name: z.string() }).nullable();

/** What a room can be linked to in this event, for the target pickers. */
export const VcTargets = z.object({
  event: z.object({ id: z.number(), title: z.string(), timezone: z.string() }),
  contributions: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      start: z.string().nullable(),
      unscheduled: z.boolean(),
      linkedRoom: LinkedRoom,
    }),
  ),
  blocks: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      sessionTitle: z.string(),
      start: z.string(),
      end: z.string(),
      linkedRoom: LinkedRoom,
    }),
  ),
});
export type VcTargets = z.infer<typeof VcTargets>;

/** The values of the Create or Edit form. */
export const VcFormValues = z.object({
  provider: z.string(),
  name: z.string(),
  target: VcTargetInput,
  show: z.boolean(),
  form: z.record(z.string(), z.unknown()),
  linkForm: z.record(z.string(), z.unknown()),
  can: z.object({ editRoom: z.boolean() }),
});
export type VcFormValues = z.infer<typeof VcFormValues>;

// ---------- requests ----------

export const VcEventParams = z.object({ eventId: z.coerce.number().int().positive().max(2_147_483_647) });
export const VcLinkParams = VcEventParams.extend({
  linkId: z.coerce.number().int().positive().max(2_147_483_647),
});
export const VcProviderParams = VcEventParams.extend({ provider: z.string().max(64) });
export const VcActionParams = VcLinkParams.extend({ actionId: z.string().max(64) });

const ProviderFields = z.record(z.string(), z.unknown());

export const CreateRoomBody = z.object({
  provider: z.string().max(64),
  name: RoomName,
  target: VcTargetInput,
  show: z.boolean().default(true),
  form: ProviderFields.default({}),
  linkForm: ProviderFields.default({}),
});
export type CreateRoomBody = z.input<typeof CreateRoomBody>;

export const AttachRoomBody = z.object({
  roomId: BodyId,
  target: VcTargetInput,
  show: z.boolean().default(true),
  linkForm: ProviderFields.default({}),
});
export type AttachRoomBody = z.input<typeof AttachRoomBody>;

export const EditLinkBody = z.object({
  /** Left out by those who may change only the link. */
  room: z.object({ name: RoomName, form: ProviderFields.default({}) }).optional(),
  link: z.object({ target: VcTargetInput, show: z.boolean(), linkForm: ProviderFields.default({}) }),
});
export type EditLinkBody = z.input<typeof EditLinkBody>;

export const DetachQuery = z.object({
  /** When this is the room's last link: also delete it at the provider. */
  deleteRoom: z.enum(['true', 'false']).default('false'),
});

export const SuggestionsQuery = z.object({
  provider: z.string().max(64),
  q: z.string().trim().min(1, { error: 'must not be empty' }).max(200).refine(noNul),
});

export const VcSuggestion = z.object({
  id: z.number(),
  name: z.string(),
  createdBy: z.string().nullable(),
  host: z.string().nullable(),
  totalLinks: z.number(),
  linkedToThisEvent: z.boolean(),
});
export const VcSuggestions = z.object({ items: z.array(VcSuggestion) });
export type VcSuggestions = z.infer<typeof VcSuggestions>;

/** The answer to a change: the room as it now is, and what the provider had to say. */
export const VcWriteResult = z.object({ room: VcManagedRoom, notice: z.string().nullable() });
export type VcWriteResult = z.infer<typeof VcWriteResult>;

export const VcRemoveResult = z.object({
  roomDeletion: z.enum(['none', 'deleted', 'pending']),
  message: z.string(),
});
export type VcRemoveResult = z.infer<typeof VcRemoveResult>;

export const VcActionResult = z.object({ room: VcManagedRoom, message: z.string() });

// ---------- overviews ----------

export const VcRoomSummary = z.object({
  id: z.number(),
  name: z.string(),
  provider: VcProviderRef,
  status: VcStatus,
  createdBy: UserName.nullable(),
  host: z.string().nullable(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  deletionError: z.string().nullable(),
  /** Events using the room that the viewer may see (with whether they manage each). */
  events: z.array(EventRef.extend({ canManage: z.boolean() })),
  hiddenEvents: z.number(),
  /** Why the room is in "My rooms". */
  relations: z.array(z.enum(['creator', 'host', 'manager'])),
});
export type VcRoomSummary = z.infer<typeof VcRoomSummary>;

export const VcRoomList = z.object({
  items: z.array(VcRoomSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  providers: z.array(VcProviderRef),
});
export type VcRoomList = z.infer<typeof VcRoomList>;

export const AdminRoomsQuery = z.object({
  provider: z.string().max(64).optional(),
  status: VcStatus.optional(),
  q: z.string().trim().max(200).refine(noNul).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const MyRoomsQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
