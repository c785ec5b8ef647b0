/*
 * The form's host check: whether a person can host on Zoom, and which of their meetings overlap the time of
 * what the room is linked to — the seed's warning ("in Zoom the same host cannot start several meetings in
 * parallel") made concrete. Overlaps come from the host's meeting list on Zoom and from this server's rooms.
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { VcTargetInput } from '../../../../contracts/vc';
import type { ZoomHostCheck, ZoomOverlap, ZoomUserCheck } from '../../../../contracts/vc-zoom';
import { users } from '../../../auth/schema';
import { addMinutes, type EventRow, events } from '../../../events';
import { vcRoomLinks, vcRooms } from '../../schema';
import { loadTargetFacts, resolveTarget, targetInfoOf } from '../../targets';
import { readZoomProviderSettings } from '../settings';
import { createZoomUserCache } from '../user-lookup';
import { type LookupDeps, lookUpPerson, readHostSettings } from './hosts';
import { userHostKey, ZOOM_PROVIDER, ZoomRoomData } from './room-data';
import type { ZoomServices } from './services';

interface Window {
  start: Date;
  end: Date;
}

const overlaps = (a: Window, b: Window) => a.start < b.end && b.start < a.end;

async function nameOf(s: ZoomServices, userId: number): Promise<string> {
  const [row] = await s.vc.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? `User ${userId}`;
}

async function lookupDeps(s: ZoomServices): Promise<LookupDeps> {
  const settings = await readZoomProviderSettings(s.vc.db);
  return { client: await s.client(), settings, db: s.vc.db, cache: createZoomUserCache() };
}

/** Whether this person can be a host or an alternative host (one or more GET /users calls). */
export async function checkZoomUser(s: ZoomServices, userId: number): Promise<ZoomUserCheck> {
  const found = await lookUpPerson(await lookupDeps(s), userId);
  if (!found.person)
    return { user: { id: userId, name: await nameOf(s, userId) }, zoomEmail: null, message: found.message };
  return { user: { id: userId, name: found.person.name }, zoomEmail: found.person.email, message: null };
}

/** This server's rooms hosted by the user (host or alternative host) linked to a time overlapping `window`. */
async function conveneOverlaps(
  s: ZoomServices,
  userId: number,
  window: Window,
  exceptRoomId: number | undefined,
) {
  const db = s.vc.db;
  const rows = await db
    .select({ link: vcRoomLinks, room: vcRooms, event: events })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
    .where(
      and(
        eq(vcRooms.provider, ZOOM_PROVIDER),
        eq(vcRooms.status, 'created'),
        isNull(vcRooms.deletionRequestedAt),
        sql`${vcRooms.hostKeys} @> ARRAY[${userHostKey(userId)}]::text[]`,
        exceptRoomId !== undefined ? ne(vcRooms.id, exceptRoomId) : undefined,
      ),
    );
  const facts = await loadTargetFacts(
    db,
    rows.map((r) => r.link),
  );
  const out: ZoomOverlap[] = [];
  for (const { link, room, event } of rows) {
    const info = targetInfoOf(event, link, facts);
    if (!info.startAt || !info.durationMinutes) continue;
    const span = { start: info.startAt, end: addMinutes(info.startAt, info.durationMinutes) };
    if (!overlaps(span, window)) continue;
    const data = ZoomRoomData.safeParse(room.data);
    out.push({
      source: 'convene',
      meetingId: data.success ? data.data.meetingId : '',
      topic: room.name,
      start: span.start.toISOString(),
      end: span.end.toISOString(),
      roomId: room.id,
      event: { id: event.id, title: event.title },
    });
  }
  return out;
}

export interface HostCheckArgs {
  event: EventRow;
  userId: number;
  target: VcTargetInput;
  roomId: number | undefined;
}

export async function checkZoomHost(s: ZoomServices, args: HostCheckArgs): Promise<ZoomHostCheck> {
  const deps = await lookupDeps(s);
  const { info } = await resolveTarget(s.vc.db, args.event, args.target, { lock: false });
  const window =
    info.startAt && info.durationMinutes
      ? { start: info.startAt, end: addMinutes(info.startAt, info.durationMinutes) }
      : undefined;
  const windowOut = window ? { start: window.start.toISOString(), end: window.end.toISOString() } : null;
  const found = await lookUpPerson(deps, args.userId);
  if (!found.person)
    return {
      user: { id: args.userId, name: await nameOf(s, args.userId) },
      zoomEmail: null,
      message: found.message,
      webinarAvailable: false,
      passcodeRules: null,
      window: windowOut,
      overlaps: [],
      warning: null,
    };
  const person = found.person;
  const hostSettings = await readHostSettings(deps.client, person.email);
  let list: ZoomOverlap[] = [];
  if (window) {
    const own = await conveneOverlaps(s, person.userId, window, args.roomId);
    const excluded = await excludedMeetingIds(s, args.roomId);
    const known = new Set([...own.map((o) => o.meetingId), ...excluded]);
    const zoom = (await deps.client.listUserMeetings(person.email, { type: 'scheduled' })).flatMap((m) => {
      if (!m.start_time || !m.duration || known.has(String(m.id))) return [];
      const start = new Date(m.start_time);
      const span = { start, end: addMinutes(start, m.duration) };
      if (!overlaps(span, window)) return [];
      return [
        {
          source: 'zoom' as const,
          meetingId: String(m.id),
          topic: m.topic,
          start: span.start.toISOString(),
          end: span.end.toISOString(),
          roomId: null,
          event: null,
        },
      ];
    });
    list = [...own, ...zoom].sort((a, b) => a.start.localeCompare(b.start));
  }
  const r = hostSettings.requirements;
  return {
    user: { id: person.userId, name: person.name },
    zoomEmail: person.email,
    message: null,
    webinarAvailable: deps.settings.allowWebinars && hostSettings.webinar,
    passcodeRules: { ...r, maxConsecutive: r.maxConsecutive ?? null },
    window: windowOut,
    overlaps: list,
    warning: list.length
      ? `In Zoom the same host cannot start several meetings in parallel: ${person.name} hosts ${list.length === 1 ? 'another meeting' : `${list.length} other meetings`} at that time.`
      : null,
  };
}

/** The meeting of the room being edited is no conflict with itself. */
async function excludedMeetingIds(s: ZoomServices, roomId: number | undefined): Promise<string[]> {
  if (roomId === undefined) return [];
  const rows = await s.vc.db
    .select({ keys: vcRooms.searchKeys })
    .from(vcRooms)
    .where(inArray(vcRooms.id, [roomId]));
  return rows.flatMap((r) => r.keys);
}
