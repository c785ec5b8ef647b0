// /v2 routes of meetings and webinars. Both kinds share the code; they differ in types, scopes,
// rate-limit labels and the errors that tell one kind from the other (zoom_api.md §2.1).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ApiAuth, apiRoute } from './api';
import { zoomErrors } from './errors';
import { notifyCreated, notifyDeleted, notifyUpdated } from './meeting-events';
import { renderListItem, renderMeeting } from './meeting-render';
import {
  type ApplyContext,
  applyUpdate,
  assertCanHost,
  buildRecord,
  hasFixedTime,
  resolveScheduleFor,
} from './meeting-store';
import { pageQuerySchema } from './paging';
import { computeOccurrences } from './recurrence';
import { SCOPES, type ScopeRequirement } from './scopes';
import type { SandboxState } from './state';
import type { Kind, MeetingRecord, RateLabel, SandboxUser } from './types';
import { parseMeetingInput } from './validation';

interface KindSpec {
  kind: Kind;
  plural: 'meetings' | 'webinars';
  scopes: Record<'read' | 'create' | 'update' | 'delete' | 'list', ScopeRequirement>;
  createLabel: RateLabel;
}

const KINDS: KindSpec[] = [
  {
    kind: 'meeting',
    plural: 'meetings',
    scopes: {
      read: SCOPES.getMeeting,
      create: SCOPES.createMeeting,
      update: SCOPES.updateMeeting,
      delete: SCOPES.deleteMeeting,
      list: SCOPES.listMeetings,
    },
    createLabel: 'Medium',
  },
  {
    kind: 'webinar',
    plural: 'webinars',
    scopes: {
      read: SCOPES.getWebinar,
      create: SCOPES.createWebinar,
      update: SCOPES.updateWebinar,
      delete: SCOPES.deleteWebinar,
      list: SCOPES.listWebinars,
    },
    createLabel: 'Light',
  },
];

const LIST_TYPES = ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'] as const;
type ListType = (typeof LIST_TYPES)[number];

const idParams = z.object({ id: z.string() });
const userParams = z.object({ userId: z.string().min(1) });
const noQuery = z.object({});
const listQuery = pageQuerySchema.extend({ type: z.string().optional() });

/** The end of the meeting's last (or only) occurrence, for upcoming/previous lists. */
function lastEndMs(record: MeetingRecord): number | undefined {
  if (record.startTimeMs === undefined) return undefined;
  const duration = (record.duration ?? 0) * 60_000;
  if (!record.recurrence) return record.startTimeMs + duration;
  const occurrences = computeOccurrences(record.recurrence, record.startTimeMs, 0, record.timezone);
  const last = occurrences.at(-1);
  return (last ? Date.parse(last.start_time) : record.startTimeMs) + duration;
}

function inList(record: MeetingRecord, type: ListType, nowMs: number): boolean {
  const end = lastEndMs(record);
  switch (type) {
    case 'scheduled':
      return record.type !== 1;
    case 'live':
      return record.status === 'started';
    case 'previous_meetings':
      return hasFixedTime(record.type) && end !== undefined && end < nowMs;
    default:
      // Upcoming: in progress, recurring without fixed time, or not over yet; idle instant meetings are not.
      if (record.status === 'started') return true;
      if (!hasFixedTime(record.type)) return record.type !== 1;
      return end !== undefined && end >= nowMs;
  }
}

function byStartTime(a: MeetingRecord, b: MeetingRecord): number {
  const sa = a.startTimeMs ?? Number.MAX_SAFE_INTEGER;
  const sb = b.startTimeMs ?? Number.MAX_SAFE_INTEGER;
  return sa - sb || a.createdAtMs - b.createdAtMs;
}

export function registerMeetingRoutes(app: FastifyInstance, state: SandboxState): void {
  for (const spec of KINDS) registerKind(app, state, spec);
}

function registerKind(app: FastifyInstance, state: SandboxState, spec: KindSpec): void {
  const { kind, plural } = spec;
  const context = (auth: ApiAuth): ApplyContext => ({
    users: state.users,
    accountId: auth.accountId,
    nowMs: state.nowMs(),
  });
  // Actions through the API are reported as done by the app's owner, `me` of an S2S app.
  const operatorOf = (auth: ApiAuth) => state.users.owner(auth.accountId);

  const render = (record: MeetingRecord, withStatus: boolean) =>
    renderMeeting(
      record,
      {
        publicUrl: state.publicUrl,
        host: state.users.find(record.accountId, record.hostId),
        zak: state.zaks.issue(record.hostId, record.id, state.nowMs()),
      },
      withStatus,
    );

  const find = (auth: ApiAuth, rawId: string): MeetingRecord => {
    if (!/^\d{1,15}$/.test(rawId)) throw zoomErrors.invalidId(kind);
    const record = state.meetings.get(Number(rawId));
    if (!record || record.accountId !== auth.accountId) throw zoomErrors.notFound(kind, rawId);
    // A meeting converted into a webinar answers 3000 on meeting endpoints (zoom_api.md §2.1).
    if (record.kind !== kind)
      throw kind === 'meeting' ? zoomErrors.isWebinar() : zoomErrors.notFound(kind, rawId);
    return record;
  };

  const hostOf = (record: MeetingRecord): SandboxUser => {
    const host = state.users.find(record.accountId, record.hostId);
    if (!host) throw zoomErrors.userNotFound(record.hostId);
    return host;
  };

  apiRoute(app, state, {
    method: 'POST',
    url: `/v2/users/:userId/${plural}`,
    scopes: spec.scopes.create,
    label: spec.createLabel,
    params: userParams,
    query: noQuery,
    handler: async ({ request, reply, auth, params }) => {
      const ctx = context(auth);
      const scheduler = state.users.resolve(auth.accountId, params.userId);
      const input = parseMeetingInput(kind, request.body);
      let host = scheduler;
      if (input.schedule_for !== undefined) {
        if (kind === 'meeting' && input.type === 1) throw zoomErrors.instantScheduleFor();
        host = resolveScheduleFor(ctx, input.schedule_for);
      }
      assertCanHost(kind, host);
      // The 100/day cap counts against the host the meeting belongs to, not the caller (zoom_api.md §3).
      reply.headers(state.rateLimiter.consumeHostDaily(kind, host.id, spec.createLabel));
      const record = buildRecord(kind, ctx, input, state.meetings.newId(), host);
      state.meetings.save(record);
      notifyCreated(state, record, operatorOf(auth));
      reply.code(201);
      return render(record, false);
    },
  });

  apiRoute(app, state, {
    method: 'GET',
    url: `/v2/${plural}/:id`,
    scopes: spec.scopes.read,
    label: 'Light',
    params: idParams,
    query: noQuery,
    handler: async ({ auth, params }) => render(find(auth, params.id), true),
  });

  apiRoute(app, state, {
    method: 'PATCH',
    url: `/v2/${plural}/:id`,
    scopes: spec.scopes.update,
    label: 'Light',
    params: idParams,
    query: noQuery,
    handler: async ({ request, reply, auth, params }) => {
      const ctx = context(auth);
      const record = find(auth, params.id);
      if (record.status === 'started') throw zoomErrors.updateStarted();
      const input = parseMeetingInput(kind, request.body);
      let host = hostOf(record);
      if (input.schedule_for !== undefined) {
        if (kind === 'meeting' && (input.type ?? record.type) === 1) throw zoomErrors.instantScheduleFor();
        host = resolveScheduleFor(ctx, input.schedule_for);
        assertCanHost(kind, host);
      }
      reply.headers(state.rateLimiter.consumeHostDaily(kind, record.hostId, 'Light'));
      const updated = applyUpdate(ctx, record, input, host);
      state.meetings.save(updated);
      notifyUpdated(state, record, updated, operatorOf(auth));
      // Update answers 204 with no body (zoom_api.md §2.1).
      return reply.code(204).send();
    },
  });

  apiRoute(app, state, {
    method: 'DELETE',
    url: `/v2/${plural}/:id`,
    scopes: spec.scopes.delete,
    label: 'Light',
    params: idParams,
    query: noQuery,
    handler: async ({ reply, auth, params }) => {
      const record = find(auth, params.id);
      if (record.status === 'started') throw zoomErrors.deleteInProgress(kind);
      state.meetings.delete(record.id);
      notifyDeleted(state, record, operatorOf(auth));
      return reply.code(204).send();
    },
  });

  apiRoute(app, state, {
    method: 'GET',
    url: `/v2/users/:userId/${plural}`,
    scopes: spec.scopes.list,
    label: 'Medium',
    params: userParams,
    query: listQuery,
    handler: async ({ auth, params, query }) => {
      const user = state.users.resolve(auth.accountId, params.userId);
      // Only the meeting list takes `type`; the webinar list has no such filter.
      const wanted = kind === 'meeting' ? (query.type ?? 'scheduled') : 'scheduled';
      const type = LIST_TYPES.find((t) => t === wanted);
      if (!type) throw zoomErrors.invalidField('type');
      const now = state.nowMs();
      const records = state.meetings
        .ofHost(kind, user.id)
        .filter((r) => inList(r, type, now))
        .sort(byStartTime);
      const page = state.pageTokens.paginate(records, query, `${plural}:${user.id}:${type}`, now);
      return { ...page.envelope, [plural]: page.items.map((r) => renderListItem(r, state.publicUrl)) };
    },
  });
}
