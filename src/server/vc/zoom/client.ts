// The Zoom client the provider uses: users, meetings, webinars, alternative hosts (zoom_api.md §2).
import type { z } from 'zod';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { type ResolvedZoomCredentials, resolveZoomCredentials, type ZoomCredentials } from './credentials';
import { type CallContext, mapZoomField } from './error-map';
import { isZoomError, ZoomError } from './errors';
import { makeRuntime } from './http';
import { type CallSpec, DEFAULT_RETRY_POLICY, type Query, type RetryPolicy, ZoomApi } from './request';
import {
  changeAlternativeHosts,
  formatAlternativeHosts,
  type PasscodeRequirements,
  parseAlternativeHosts,
  passcodeRequirementsFrom,
} from './settings-helpers';
import { type TokenSourceOptions, type ZoomToken, ZoomTokenSource } from './token';
import {
  meetingCreateSchema,
  meetingPageSchema,
  meetingSchema,
  meetingUpdateSchema,
  userSchema,
  userSettingsSchema,
  webinarCreateSchema,
  webinarPageSchema,
  webinarUpdateSchema,
  type ZoomMeeting,
  type ZoomMeetingCreate,
  type ZoomMeetingId,
  type ZoomMeetingSummary,
  type ZoomMeetingUpdate,
  type ZoomUser,
  type ZoomUserSettings,
  type ZoomWebinarCreate,
  type ZoomWebinarUpdate,
} from './zoom-schemas';

export type ZoomKind = 'meeting' | 'webinar';

/** A meeting or webinar as read, with the endpoint that answered (a meeting may have become a webinar). */
export type ZoomMeetingOrWebinar = ZoomMeeting & { kind: ZoomKind };

export interface ZoomClientOptions extends TokenSourceOptions, Partial<RetryPolicy> {
  /** Share one token source between clients of the same credentials in one process. */
  tokens?: ZoomTokenSource;
}

export interface AlternativeHostsChange {
  kind: ZoomKind;
  /** The list now on Zoom (as Zoom stores it: e-mails, or ids for hosts added by id). */
  alternativeHosts: string[];
  /** False when nothing had to change (then no PATCH was sent). */
  changed: boolean;
}

export type MeetingListType = 'scheduled' | 'live' | 'upcoming' | 'upcoming_meetings' | 'previous_meetings';

const WEBINAR_TYPE_OF: Record<number, 5 | 6 | 9> = { 2: 5, 3: 6, 8: 9 };

export class ZoomClient {
  readonly tokens: ZoomTokenSource;
  private readonly api: ZoomApi;

  constructor(
    readonly credentials: ZoomCredentials,
    db: Db,
    opts: ZoomClientOptions = {},
  ) {
    this.tokens = opts.tokens ?? new ZoomTokenSource(credentials, db, opts);
    const policy: RetryPolicy = {
      maxRetries: opts.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
      maxRateLimitRetries: opts.maxRateLimitRetries ?? DEFAULT_RETRY_POLICY.maxRateLimitRetries,
      maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? DEFAULT_RETRY_POLICY.maxRateLimitWaitMs,
    };
    this.api = new ZoomApi(this.tokens, makeRuntime(opts, credentials.timeoutMs), policy);
  }

  /** A client from the environment and the admin settings; a `credentials` ZoomError says what is missing. */
  static async fromConfig(config: Config, db: Db, opts: ZoomClientOptions = {}): Promise<ZoomClient> {
    const resolved = await resolveZoomCredentials(config, db);
    return new ZoomClient(credentialsOrThrow(resolved), db, opts);
  }

  /** A token (cached or new); `fresh` forces a new one, e.g. to pick up scopes just added to the app. */
  getToken(opts: { fresh?: boolean } = {}): Promise<ZoomToken> {
    return this.tokens.get(opts);
  }

  // ------------------------------------------------------------------------------------------- users

  /** A user by e-mail or id; `user-not-found` when Zoom has no such user (1001) or it is pending (1120). */
  getUser(userIdOrEmail: string): Promise<ZoomUser> {
    const ctx = { operation: `look up ${userIdOrEmail}`, userId: userIdOrEmail };
    return this.api.json(this.get(`/users/${enc(userIdOrEmail)}`, ctx), userSchema);
  }

  /** The Zoom user with this e-mail, or undefined when there is none usable (1001, 1010, 1120). */
  async findUserByEmail(email: string): Promise<ZoomUser | undefined> {
    try {
      return await this.getUser(email);
    } catch (err) {
      if (isZoomError(err, 'user-not-found')) return undefined;
      throw err;
    }
  }

  getUserSettings(userIdOrEmail: string): Promise<ZoomUserSettings> {
    const ctx = { operation: `read the settings of ${userIdOrEmail}`, userId: userIdOrEmail };
    return this.api.json(this.get(`/users/${enc(userIdOrEmail)}/settings`, ctx), userSettingsSchema);
  }

  async getPasscodeRequirements(userIdOrEmail: string): Promise<PasscodeRequirements> {
    return passcodeRequirementsFrom(await this.getUserSettings(userIdOrEmail));
  }

  // ---------------------------------------------------------------------------------------- meetings

  /** Creates a meeting hosted by `hostIdOrEmail` (201). Never retried after a lost answer. */
  async createMeeting(hostIdOrEmail: string, body: ZoomMeetingCreate): Promise<ZoomMeetingOrWebinar> {
    const ctx = { operation: 'create a meeting', userId: hostIdOrEmail, resource: 'meeting' as const };
    const payload = validateRequest(meetingCreateSchema, body, ctx);
    const spec = {
      method: 'POST',
      path: `/users/${enc(hostIdOrEmail)}/meetings`,
      body: payload,
      idempotent: false,
      ctx,
    } as const;
    return { ...(await this.api.json(spec, meetingSchema)), kind: 'meeting' };
  }

  /** Reads a meeting; if the id is a webinar (400/3000), reads the webinar instead. */
  getMeeting(
    id: ZoomMeetingId,
    opts: { occurrenceId?: string; showPreviousOccurrences?: boolean } = {},
  ): Promise<ZoomMeetingOrWebinar> {
    const query = {
      occurrence_id: opts.occurrenceId,
      show_previous_occurrences: opts.showPreviousOccurrences,
    };
    return this.withWebinarFallback(
      () => this.readRoom('meeting', id, query),
      () => this.readRoom('webinar', id, query),
    );
  }

  /** PATCHes a meeting (204); a webinar id is updated as a webinar. Returns which one it was. */
  updateMeeting(
    id: ZoomMeetingId,
    patch: ZoomMeetingUpdate,
    opts: { occurrenceId?: string } = {},
  ): Promise<{ kind: ZoomKind }> {
    const ctx = { operation: `update meeting ${id}`, meetingId: id, resource: 'meeting' as const };
    const payload = validateRequest(meetingUpdateSchema, patch, ctx);
    return this.withWebinarFallback(
      () => this.patchRoom('meeting', id, payload, opts.occurrenceId),
      () => this.patchRoom('webinar', id, asWebinarPatch(payload), opts.occurrenceId),
    );
  }

  /** Deletes a meeting (204); a webinar id is deleted as a webinar. `meeting-not-found` if already gone. */
  deleteMeeting(
    id: ZoomMeetingId,
    opts: { occurrenceId?: string; scheduleForReminder?: boolean; cancelMeetingReminder?: boolean } = {},
  ): Promise<{ kind: ZoomKind }> {
    const query = {
      occurrence_id: opts.occurrenceId,
      schedule_for_reminder: opts.scheduleForReminder,
      cancel_meeting_reminder: opts.cancelMeetingReminder,
    };
    return this.withWebinarFallback(
      () => this.deleteRoom('meeting', id, query),
      () => this.deleteRoom('webinar', id, { occurrence_id: opts.occurrenceId }),
    );
  }

  /** Every meeting of a user of the given list type, following `next_page_token` (zoom_api.md §2.2). */
  async listUserMeetings(
    userIdOrEmail: string,
    opts: { type?: MeetingListType; pageSize?: number; maxPages?: number } = {},
  ): Promise<ZoomMeetingSummary[]> {
    const ctx = { operation: `list the meetings of ${userIdOrEmail}`, userId: userIdOrEmail };
    const meetings: ZoomMeetingSummary[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (let page = 0; page < (opts.maxPages ?? 100); page++) {
      const query = {
        type: opts.type ?? 'scheduled',
        page_size: opts.pageSize ?? 300,
        next_page_token: pageToken,
      };
      const spec = { ...this.get(`/users/${enc(userIdOrEmail)}/meetings`, ctx), query };
      const body = await this.api.json(spec, meetingPageSchema);
      meetings.push(...body.meetings);
      pageToken = body.next_page_token || undefined;
      // A repeated token would loop for ever.
      if (!pageToken || seen.has(pageToken)) return meetings;
      seen.add(pageToken);
    }
    return meetings;
  }

  // ---------------------------------------------------------------------------------------- webinars

  /** Every webinar of a user, following `next_page_token` (zoom_api.md §2.1). */
  async listUserWebinars(
    userIdOrEmail: string,
    opts: { maxPages?: number } = {},
  ): Promise<ZoomMeetingSummary[]> {
    const ctx = { operation: `list the webinars of ${userIdOrEmail}`, userId: userIdOrEmail };
    const webinars: ZoomMeetingSummary[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (let page = 0; page < (opts.maxPages ?? 100); page++) {
      const query = { page_size: 300, next_page_token: pageToken };
      const spec = { ...this.get(`/users/${enc(userIdOrEmail)}/webinars`, ctx), query };
      const body = await this.api.json(spec, webinarPageSchema);
      webinars.push(...body.webinars);
      pageToken = body.next_page_token || undefined;
      if (!pageToken || seen.has(pageToken)) return webinars;
      seen.add(pageToken);
    }
    return webinars;
  }

  /** Creates a webinar (201); `webinar-license` when the host has no webinar plan (200). */
  async createWebinar(hostIdOrEmail: string, body: ZoomWebinarCreate): Promise<ZoomMeetingOrWebinar> {
    const ctx = { operation: 'create a webinar', userId: hostIdOrEmail, resource: 'webinar' as const };
    const payload = validateRequest(webinarCreateSchema, body, ctx);
    const spec = {
      method: 'POST',
      path: `/users/${enc(hostIdOrEmail)}/webinars`,
      body: payload,
      idempotent: false,
      ctx,
    } as const;
    return { ...(await this.api.json(spec, meetingSchema)), kind: 'webinar' };
  }

  getWebinar(
    id: ZoomMeetingId,
    opts: { occurrenceId?: string; showPreviousOccurrences?: boolean } = {},
  ): Promise<ZoomMeetingOrWebinar> {
    return this.readRoom('webinar', id, {
      occurrence_id: opts.occurrenceId,
      show_previous_occurrences: opts.showPreviousOccurrences,
    });
  }

  updateWebinar(
    id: ZoomMeetingId,
    patch: ZoomWebinarUpdate,
    opts: { occurrenceId?: string } = {},
  ): Promise<{ kind: ZoomKind }> {
    const ctx = { operation: `update webinar ${id}`, meetingId: id, resource: 'webinar' as const };
    return this.patchRoom('webinar', id, validateRequest(webinarUpdateSchema, patch, ctx), opts.occurrenceId);
  }

  deleteWebinar(id: ZoomMeetingId, opts: { occurrenceId?: string } = {}): Promise<{ kind: ZoomKind }> {
    return this.deleteRoom('webinar', id, { occurrence_id: opts.occurrenceId });
  }

  // ------------------------------------------------------------------------------- alternative hosts

  /**
   * Adds and/or removes alternative hosts of a meeting or webinar, reading the current list first so
   * that co-hosts added on zoom.us are kept (vc_zoom.md §6). No PATCH when nothing changes.
   */
  async changeAlternativeHosts(
    id: ZoomMeetingId,
    change: { add?: readonly string[]; remove?: readonly string[] },
  ): Promise<AlternativeHostsChange> {
    const room = await this.getMeeting(id);
    const current = parseAlternativeHosts(room.settings?.alternative_hosts);
    const next = changeAlternativeHosts(current, change);
    const changed = next.join(';').toLowerCase() !== current.join(';').toLowerCase();
    if (changed) {
      const patch = { settings: { alternative_hosts: formatAlternativeHosts(next) } };
      await this.patchRoom(room.kind, id, patch, undefined);
    }
    return { kind: room.kind, alternativeHosts: next, changed };
  }

  addAlternativeHosts(id: ZoomMeetingId, hosts: readonly string[]): Promise<AlternativeHostsChange> {
    return this.changeAlternativeHosts(id, { add: hosts });
  }

  removeAlternativeHosts(id: ZoomMeetingId, hosts: readonly string[]): Promise<AlternativeHostsChange> {
    return this.changeAlternativeHosts(id, { remove: hosts });
  }

  // ------------------------------------------------------------------------------------------ helpers

  private get(path: string, ctx: CallContext): CallSpec {
    return { method: 'GET', path, idempotent: true, ctx };
  }

  private async readRoom(kind: ZoomKind, id: ZoomMeetingId, query: Query): Promise<ZoomMeetingOrWebinar> {
    const ctx = { operation: `read ${kind} ${id}`, meetingId: id, resource: kind };
    const spec = { ...this.get(`/${kind}s/${enc(String(id))}`, ctx), query };
    return { ...(await this.api.json(spec, meetingSchema)), kind };
  }

  private async patchRoom(
    kind: ZoomKind,
    id: ZoomMeetingId,
    body: object,
    occurrenceId: string | undefined,
  ): Promise<{ kind: ZoomKind }> {
    const ctx = { operation: `update ${kind} ${id}`, meetingId: id, resource: kind };
    const path = `/${kind}s/${enc(String(id))}`;
    // A PATCH sets fields to the given values: sending it twice is harmless.
    await this.api.empty({
      method: 'PATCH',
      path,
      query: { occurrence_id: occurrenceId },
      body,
      idempotent: true,
      ctx,
    });
    return { kind };
  }

  private async deleteRoom(kind: ZoomKind, id: ZoomMeetingId, query: Query): Promise<{ kind: ZoomKind }> {
    const ctx = { operation: `delete ${kind} ${id}`, meetingId: id, resource: kind };
    await this.api.empty({
      method: 'DELETE',
      path: `/${kind}s/${enc(String(id))}`,
      query,
      idempotent: true,
      ctx,
    });
    return { kind };
  }

  /**
   * 400 + code 3000 on a meeting endpoint means "this id is a webinar" (meetings can be converted on
   * zoom.us, zoom_api.md §2.1). 3000 also has other meanings, so if the webinar endpoint does not know
   * the id either, the meeting endpoint's error is the one that explains.
   */
  private async withWebinarFallback<T>(asMeeting: () => Promise<T>, asWebinar: () => Promise<T>): Promise<T> {
    try {
      return await asMeeting();
    } catch (err) {
      if (!(err instanceof ZoomError) || err.httpStatus !== 400 || Number(err.zoomCode) !== 3000) throw err;
      try {
        return await asWebinar();
      } catch (second) {
        if (isZoomError(second, 'meeting-not-found') || isZoomError(second, 'validation')) throw err;
        throw second;
      }
    }
  }
}

export function credentialsOrThrow(resolved: ResolvedZoomCredentials): ZoomCredentials {
  if (resolved.configured) return resolved.credentials;
  throw new ZoomError(
    'credentials',
    `Zoom is not configured: set ${resolved.missing.join(', ')} (or enter them in the Zoom admin settings).`,
  );
}

/** Checks what we send against Zoom's documented limits, so a mistake names the field before any call. */
function validateRequest<S extends z.ZodType>(schema: S, body: z.input<S>, ctx: CallContext): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => {
    const zoomField = i.path.join('.');
    return { field: mapZoomField(zoomField).field, zoomField, message: i.message };
  });
  const list = fields.map((f) => `${mapZoomField(f.zoomField).label}: ${f.message}`).join('; ');
  throw new ZoomError('validation', `Cannot ${ctx.operation}: ${list}.`, { fields });
}

/**
 * A meeting PATCH replayed on the webinar endpoint: meeting types become their webinar twins, and what
 * webinars lack (schedule_for, meeting-only settings) is left out (zoom_api.md §2.4).
 */
function asWebinarPatch(patch: z.output<typeof meetingUpdateSchema>): object {
  const { type, settings, schedule_for: _scheduleFor, ...rest } = patch;
  const webinarType = type === undefined ? undefined : WEBINAR_TYPE_OF[type];
  const webinarSettings = settings ? webinarUpdateSchema.shape.settings.parse(settings) : undefined;
  return {
    ...rest,
    ...(webinarType ? { type: webinarType } : {}),
    ...(webinarSettings ? { settings: webinarSettings } : {}),
  };
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
