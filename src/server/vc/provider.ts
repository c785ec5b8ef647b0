// The contract between the videoconference module and its providers. The module stores rooms and links,
// checks event permissions, writes the log and runs the flows; a provider owns what is specific to its
// service: its data, its forms, the calls to its API and what a viewer may see of a room.
// A provider is one folder and one line in the registry; this module never imports a provider.
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import type { Db } from '../db/client';
import type { Clock } from '../http/types';

/** What a room is linked to, inside one event. */
export type LinkTarget =
  | { type: 'event'; eventId: number }
  | { type: 'contribution'; eventId: number; contributionId: number }
  | { type: 'block'; eventId: number; blockId: number };

/** A link target with what providers need to schedule a meeting for it. */
export interface TargetInfo {
  target: LinkTarget;
  eventTitle: string;
  /** The contribution's or session block's title; the event's for an event link. */
  title: string;
  /** null for an unscheduled contribution. */
  startAt: Date | null;
  durationMinutes: number | null;
  /** IANA zone of the event. */
  timezone: string;
}

/** Who looks at a room, and their relation to the event the link belongs to. */
export interface RoomViewer {
  user: SessionUser | undefined;
  /** Manager of the link's event, or an admin. */
  isEventManager: boolean;
}

/** A room as providers see it: the stored row, with the provider's data parsed by its schema. */
export interface ProviderRoom<RoomData> {
  id: number;
  name: string;
  status: 'created' | 'deleted';
  data: RoomData;
  createdById: number | null;
  /** Every target the room is linked to, across events (for sharing rules such as "recurring when shared"). */
  links: TargetInfo[];
}

export interface ProviderContext {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** One line of connection details, rendered the same way for every provider. */
export interface DetailItem {
  label: string;
  value: string;
  kind: 'text' | 'secret' | 'url' | 'phone';
  copyable?: boolean;
}

/** What a viewer may see of a room: the provider decides, the module renders. Never contains more. */
export interface ConnectionDetails {
  /** Where Join goes for this viewer; undefined when they may not join from here (e.g. must log in). */
  joinUrl: string | undefined;
  /** Why joinUrl is missing, or a hint shown next to Join ("You will need the passcode"). */
  joinHint?: string;
  /** Join needs a login this viewer lacks: the page offers "Log in to join". */
  loginRequired?: boolean;
  items: DetailItem[];
  /** Extra panels, e.g. dial-in numbers, or room-system details for organisers. */
  sections: Array<{ title: string; items: DetailItem[]; audience: 'everyone' | 'managers' }>;
  badges: string[];
}

/** A provider-specific action on a room beyond the common ones (e.g. "make me an alternative host"). */
export interface ProviderAction<RoomData> {
  id: string;
  label: string;
  /** Whether the action is offered to this viewer (the server checks again when it runs). */
  isAvailable(room: ProviderRoom<RoomData>, viewer: RoomViewer, ctx: ProviderContext): Promise<boolean>;
  run(
    room: ProviderRoom<RoomData>,
    viewer: RoomViewer,
    ctx: ProviderContext,
  ): Promise<{ data: RoomData; message: string }>;
}

export type RefreshResult<RoomData> = { status: 'ok'; name: string; data: RoomData } | { status: 'gone' };

/**
 * A videoconference provider. Form values arrive already validated by the provider's own schemas;
 * failures are thrown as ProviderError (with `field` when a form field is at fault).
 */
export interface VcProvider<
  RoomData = unknown,
  LinkData = unknown,
  FormData = unknown,
  LinkFormData = unknown,
> {
  name: string;
  displayName: string;
  /** Path of the logo served by the web client (e.g. /providers/<name>.svg). */
  logoUrl: string;
  roomDataSchema: z.ZodType<RoomData>;
  linkDataSchema: z.ZodType<LinkData>;
  /** The provider's fields of the Create/Edit form (the module adds name, target and show). */
  formSchema: z.ZodType<FormData>;
  /** The provider's fields of the link (Create, Edit and Add existing), stored per link. */
  linkFormSchema: z.ZodType<LinkFormData>;

  /** Enabled and configured on this server. */
  isEnabled(ctx: ProviderContext): Promise<boolean>;
  canCreate(user: SessionUser, ctx: ProviderContext): Promise<boolean>;
  /** Provider-level rights on a room beyond the module's rules (service managers, the meeting's host). */
  canManageRoom(user: SessionUser, room: ProviderRoom<RoomData>, ctx: ProviderContext): Promise<boolean>;

  formDefaults(args: { eventTitle: string; user: SessionUser; ctx: ProviderContext }): Promise<FormData>;
  linkFormDefaults(): LinkFormData;
  /** The form pre-filled from a room and one of its links (the room's data is not modified). */
  formValues(room: ProviderRoom<RoomData>, linkData: LinkData): { form: FormData; link: LinkFormData };
  linkDataFromForm(link: LinkFormData): LinkData;

  create(args: {
    name: string;
    form: FormData;
    target: TargetInfo;
    creator: SessionUser;
    ctx: ProviderContext;
  }): Promise<RoomData>;
  /** Pushes changed fields to the service; returns the room's new data (re-read where the service changes it). */
  update(args: {
    room: ProviderRoom<RoomData>;
    name: string;
    form: FormData;
    /** The link's target when it changed or matters for scheduling. */
    target: TargetInfo;
    actor: SessionUser;
    ctx: ProviderContext;
  }): Promise<RoomData>;
  refresh(args: { room: ProviderRoom<RoomData>; ctx: ProviderContext }): Promise<RefreshResult<RoomData>>;
  /** Deletes at the service; "already gone" is success. */
  delete(args: { room: ProviderRoom<RoomData>; ctx: ProviderContext }): Promise<void>;
  /**
   * Called before the room gets one more link (Add existing, clone, link moved): returns adapted data
   * (e.g. a meeting that becomes shared loses its fixed time) or throws ProviderError to refuse.
   * `notice` is shown to the user, e.g. "The meeting is now recurring with no fixed time".
   */
  beforeLink(args: {
    room: ProviderRoom<RoomData>;
    newTarget: TargetInfo;
    reason: 'attach' | 'clone' | 'move';
    ctx: ProviderContext;
  }): Promise<{ data: RoomData; notice?: string }>;

  /** What this viewer may see of the room through this link. Pure: never calls the service. */
  displayInfo(args: {
    room: ProviderRoom<RoomData>;
    linkData: LinkData;
    viewer: RoomViewer;
  }): ConnectionDetails;
  /** Searchable text of a room besides its name (e.g. a numeric meeting id), for Add existing. */
  searchKeys(room: ProviderRoom<RoomData>): string[];
  actions: Array<ProviderAction<RoomData>>;
}
