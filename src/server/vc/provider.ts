// The contract between the videoconference module and its providers. The module stores rooms and links,
// checks event permissions, writes the log and runs the flows; a provider owns what is specific to its
// service: its data, its forms, the calls to its API and what a viewer may see of a room.
// A provider is one folder and one line in the registry; this module never imports a provider.
// Every method takes named parameters, so that arguments cannot be swapped (Indico's detach_room was).
import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { ProviderError } from '../errors';
import type { DbOrTx } from '../events';
import type { App, Clock } from '../http/types';
import type { JobLog } from '../jobs/jobs';

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
  /** How many links the room has, across events (for rules such as "recurring once shared"). */
  linkCount: number;
}

/**
 * What a provider call may use. `db` is a transaction when the module is inside one (clone, event deletion):
 * then the provider must not call its service (see beforeLink).
 */
export interface ProviderContext {
  db: DbOrTx;
  clock: Clock;
  log: JobLog;
  /** The settings this request (or job) has read: calls made with one context read each setting once. */
  settings: SettingsReads;
}

/** A memo of settings reads, one per request or job (never shared between two: settings change). */
export interface SettingsReads {
  /** What `load` returns, loaded on the first call with this key only. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function newSettingsReads(): SettingsReads {
  const memo = new Map<string, Promise<unknown>>();
  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = memo.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        memo.set(key, value);
        // A failed read is not kept: the next call reads again.
        value.catch(() => memo.delete(key));
      }
      return value;
    },
  };
}

/** One line of connection details, rendered the same way for every provider. */
export interface DetailItem {
  label: string;
  value: string;
  /** secret: shown masked with a reveal toggle; url and phone: rendered as links. */
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
  /**
   * Extra panels, e.g. dial-in numbers, or details for organisers. The module drops `managers` sections
   * for anyone who does not manage the link's event, whatever the provider returned.
   */
  sections: Array<{ title: string; items: DetailItem[]; audience: 'everyone' | 'managers' }>;
  badges: string[];
}

/** A create under way, committed before the provider calls its service (see VcProvider.create). */
export interface CreateIntent {
  id: string;
  /** Keeps what finds the room at the service (null: nothing was made); call it before the service call. */
  record(data: unknown): Promise<void>;
}

/** A provider-specific action on a room beyond the common ones (e.g. "make me an alternative host"). */
export interface ProviderAction<RoomData> {
  id: string;
  label: string;
  /** Whether the action is offered to this viewer (the server checks again before it runs). */
  isAvailable(args: { room: ProviderRoom<RoomData>; viewer: RoomViewer }): boolean;
  /** Runs at the service; returns the room's new data and a message for the user. */
  run(args: {
    room: ProviderRoom<RoomData>;
    viewer: RoomViewer;
    ctx: ProviderContext;
  }): Promise<{ data: RoomData; message: string }>;
}

export type RefreshResult<RoomData> = { status: 'ok'; name: string; data: RoomData } | { status: 'gone' };

/** Whether a room may get one more link, possibly with adapted data (pushed to the service by the module). */
export type LinkDecision<RoomData> =
  | { allow: true; data?: RoomData; notice?: string }
  | { allow: false; reason: string };

/**
 * Thrown by `update` (or an action) when the room no longer exists at the service: the module marks the
 * room deleted, as it does when `refresh` answers `gone`.
 */
export class RoomGoneError extends ProviderError {
  constructor(provider: string, message: string) {
    super(provider, message, { providerCode: 'gone', status: 'PROVIDER_ERROR' });
  }
}

/**
 * A videoconference provider. Form values arrive already validated by the provider's own schemas;
 * failures are thrown as ProviderError (with `field` when a form field is at fault, e.g. 'form.passcode').
 * Methods that call the service are create, update, refresh, delete and actions' run; the module never
 * calls them inside a database transaction, nor while rendering a page.
 */
export interface VcProvider<
  RoomData = unknown,
  LinkData = unknown,
  FormData = unknown,
  LinkFormData = unknown,
  DisplaySettings = unknown,
> {
  /** Registry name, stored with each room: never change it. */
  name: string;
  displayName: string;
  /** One sentence for the provider choice ("Meetings with a join link, for tests and demos"). */
  description: string;
  /** Path of the logo served by the web client (e.g. /vc/<name>.svg). */
  logoUrl: string;
  roomDataSchema: z.ZodType<RoomData>;
  linkDataSchema: z.ZodType<LinkData>;
  /** The provider's fields of the Create/Edit form (the module adds name, target and show). */
  formSchema: z.ZodType<FormData>;
  /** The provider's fields of the link (Create, Edit and Add existing), stored per link. */
  linkFormSchema: z.ZodType<LinkFormData>;

  /** Enabled and configured on this server; a disabled provider's rooms can only be detached. */
  isEnabled(args: { ctx: ProviderContext }): Promise<boolean>;
  /** May this user use the provider: create rooms, edit, refresh and attach them. */
  canCreate(args: { user: SessionUser; ctx: ProviderContext }): Promise<boolean>;
  /** A manager of the whole service: may manage and attach every room of this provider. */
  isServiceManager(args: { user: SessionUser; ctx: ProviderContext }): Promise<boolean>;
  /**
   * The room's hosts as opaque keys (e.g. 'email:ada@example.org'). The module stores them so that lists
   * ("My rooms", Add existing) can filter in SQL: a user whose keys (`userHostKeys`) meet a room's may
   * manage it.
   */
  hostKeys(args: { data: RoomData }): string[];
  userHostKeys(args: { user: SessionUser; ctx: ProviderContext }): Promise<string[]>;
  /** Other texts Add existing finds the room by, matched exactly (e.g. a numeric meeting id). */
  searchKeys(args: { data: RoomData }): string[];

  formDefaults(args: { user: SessionUser; ctx: ProviderContext }): Promise<FormData>;
  linkFormDefaults(): LinkFormData;
  /** The forms pre-filled from a room and one of its links. Pure: returns new objects, never mutates. */
  formValues(args: { room: ProviderRoom<RoomData>; linkData: LinkData }): {
    form: FormData;
    link: LinkFormData;
  };
  /** The room's data with the edit form applied (pure); `update` then makes the service match it. */
  applyForm(args: { room: ProviderRoom<RoomData>; form: FormData }): RoomData;
  linkDataFromForm(args: { link: LinkFormData }): LinkData;

  /**
   * Makes the room at the service. Before calling the service it records, with `intent.record`, what would
   * find the room there should the answer or the local save be lost (the module's sweep job then hands it
   * to `sweepCreate`); `intent.record(null)` when it fails knowing that nothing was made.
   */
  create(args: {
    name: string;
    form: FormData;
    target: TargetInfo;
    creator: SessionUser;
    intent: CreateIntent;
    ctx: ProviderContext;
  }): Promise<RoomData>;
  /**
   * Deletes at the service whatever a create recorded with `data` made and no room here knows (a request
   * died between the service's answer and the local save). Throws to be retried.
   */
  sweepCreate(args: { data: unknown; ctx: ProviderContext }): Promise<void>;
  /**
   * Called inside the transaction that saves a new room, to queue what announces it (e-mails): they exist
   * exactly when the room does. Must not call the service.
   */
  afterCreate?(args: {
    room: ProviderRoom<RoomData>;
    target: TargetInfo;
    creator: SessionUser;
    ctx: ProviderContext;
  }): Promise<void>;
  /**
   * Called once, inside the transaction that marks the room deleted after `delete` succeeded, to queue what
   * announces the deletion. Must not call the service.
   */
  afterDelete?(args: { room: ProviderRoom<RoomData>; ctx: ProviderContext }): Promise<void>;
  /**
   * Makes the service match `name` and `data`; `room` is what is stored now. reason 'edit': the user saved
   * the form (send what differs from `room`); 'sync': the module pushes data that beforeLink adapted
   * (send everything the adaptation touches). Returns the data as the service now has it.
   * Throws RoomGoneError when the room is gone.
   */
  update(args: {
    room: ProviderRoom<RoomData>;
    name: string;
    data: RoomData;
    /** The target of the link being edited (or being added, for 'sync'). */
    target: TargetInfo;
    actor: SessionUser | null;
    reason: 'edit' | 'sync';
    ctx: ProviderContext;
  }): Promise<RoomData>;
  /** Pulls the room's state from the service. */
  refresh(args: { room: ProviderRoom<RoomData>; ctx: ProviderContext }): Promise<RefreshResult<RoomData>>;
  /**
   * Deletes at the service; "already gone" is success. Called by a retrying job as well, but never by two
   * callers at once for one room (the module claims it first).
   */
  delete(args: { room: ProviderRoom<RoomData>; ctx: ProviderContext }): Promise<void>;
  /**
   * Called before the room gets one more link (Add existing, clone, link moved). Decides from the stored
   * data only, without calling the service (a clone runs it inside its transaction): allow, possibly with
   * adapted data that the module then pushes with `update` (reason 'sync'), or refuse with a reason.
   * `notice` is shown to the user and logged, e.g. "The meeting is now recurring with no fixed time".
   */
  beforeLink(args: {
    room: ProviderRoom<RoomData>;
    newTarget: TargetInfo;
    reason: 'attach' | 'clone' | 'move';
    ctx: ProviderContext;
  }): Promise<LinkDecision<RoomData>>;

  /**
   * The administrator's settings displayInfo depends on (e.g. a dial-in help link), read with the request's
   * context; the module reads them once per request and provider, and passes them to displayInfo.
   */
  displaySettings(args: { ctx: ProviderContext }): Promise<DisplaySettings>;
  /** What this viewer may see of the room through this link. Pure: never calls the service. */
  displayInfo(args: {
    room: ProviderRoom<RoomData>;
    linkData: LinkData;
    viewer: RoomViewer;
    settings: DisplaySettings;
  }): ConnectionDetails;
  /** The room's data as the event log may keep it: no passcode, token or other secret. */
  logView(args: { data: RoomData }): Record<string, unknown>;
  /** The link's data as the event log may keep it. */
  linkLogView(args: { linkData: LinkData }): Record<string, unknown>;
  actions: Array<ProviderAction<RoomData>>;
  /** The provider's own routes (webhooks, a join page), registered once with the app. */
  registerRoutes?(app: App): void;
}
