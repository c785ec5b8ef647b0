/*
 * The form's host check: whether a person can host on Zoom, and which of their meetings overlap the time of
 * what the room is linked to — the seed's warning ("in Zoom the same host cannot start several meetings in
 * parallel") made concrete. Overlaps come from the host's meeting list on Zoom and from this server's rooms.
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { VcTargetInput } from '../../../../contracts/vc';
import type { ZoomHostCheck, ZoomOverlap, ZoomUserCheck } from '../../../../contracts/vc-zoom';
import { users } from '../../../auth/schema';
import { addMinutes, type EventRow, events, isManagerSql, visibleEventsWhere } from '../../../events';
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
  const [row] = await s.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? `User ${userId}`;
}

async function lookupDeps(s: ZoomServices): Promise<LookupDeps> {
  const settings = await readZoomProviderSettings(s.db);
  return { client: await s.client(), settings, db: s.db, cache: createZoomUserCache() };
}

/** Who asks: their own e-mails and Zoom meetings are theirs to see; anyone else's are not. */
export interface Asker {
  id: number;
  isAdmin: boolean;
}

const seesAddressesOf = (asker: Asker, userId: number) => asker.id === userId || asker.isAdmin;

/** The lookup's sentence, without the e-mail addresses it tried unless the asker may see them. */
async function lookupMessage(s: ZoomServices, asker: Asker, userId: number, message: string) {
  if (seesAddressesOf(asker, userId) || !message.includes('@')) return message;
  return `${await nameOf(s, userId)} has no Zoom account that this server can use.`;
}

/**
 * Whether this person can be a host or an alternative host (one or more GET /users calls). Their Zoom
 * e-mail only for themselves and administrators: the check must not be a directory of addresses.
 */
export async function checkZoomUser(s: ZoomServices, userId: number, asker: Asker): Promise<ZoomUserCheck> {
  const found = await lookUpPerson(await lookupDeps(s), userId);
  if (!found.person)
    return {
      user: { id: userId, name: await nameOf(s, userId) },
      zoomEmail: null,
      message: await lookupMessage(s, asker, userId, found.message),
    };
  const zoomEmail = seesAddressesOf(asker, userId) ? found.person.email : null;
  return { user: { id: userId, name: found.person.name }, zoomEmail, message: null };
}

/** This server's rooms hosted by the user (host or alternative host) linked to a time overlapping `window`. */
async function conveneOverlaps(
  s: ZoomServices,
  userId: number,
  window: Window,
  exceptRoomId: number | undefined,
  asker: Asker,
) {
  const db = s.db;
  // What the asker may see of it: events they manage, rooms they created or host, shown links of events they
  // may open. The rest is only counted.
  const visible = sql<boolean>`(${isManagerSql(db, asker)} OR ${vcRooms.createdById} = ${asker.id}
    OR ${vcRooms.hostKeys} @> ARRAY[${userHostKey(asker.id)}]::text[]
    OR (${vcRoomLinks.show} AND ${visibleEventsWhere(db, asker)}))`;
  const rows = await db
    .select({ link: vcRoomLinks, room: vcRooms, event: events, visible })
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
  const hidden = new Set<string>();
  for (const { link, room, event, visible: named } of rows) {
    const info = targetInfoOf(event, link, facts);
    if (!info.startAt || !info.durationMinutes) continue;
    const span = { start: info.startAt, end: addMinutes(info.startAt, info.durationMinutes) };
    if (!overlaps(span, window)) continue;
    const data = ZoomRoomData.safeParse(room.data);
    if (!named) {
      hidden.add(data.success ? data.data.meetingId : `room:${room.id}`);
      continue;
    }
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
  // A room linked twice (and named through one link) is one meeting.
  for (const o of out) hidden.delete(o.meetingId);
  return { named: out, hidden };
}

export interface HostCheckArgs {
  event: EventRow;
  userId: number;
  target: VcTargetInput;
  roomId: number | undefined;
  asker: Asker;
}

export async function checkZoomHost(s: ZoomServices, args: HostCheckArgs): Promise<ZoomHostCheck> {
  const deps = await lookupDeps(s);
  const { info } = await resolveTarget(s.db, args.event, args.target, { lock: false });
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
      message: await lookupMessage(s, args.asker, args.userId, found.message),
      webinarAvailable: false,
      passcodeRules: null,
      window: windowOut,
      overlaps: [],
      otherOverlaps: 0,
      warning: null,
    };
  const person = found.person;
  const hostSettings = await readHostSettings(deps.client, person.email);
  let list: ZoomOverlap[] = [];
  let otherOverlaps = 0;
  if (window) {
    const own = await conveneOverlaps(s, person.userId, window, args.roomId, args.asker);
    const excluded = await excludedMeetingIds(s, args.roomId);
    const known = new Set([...own.named.map((o) => o.meetingId), ...own.hidden, ...excluded]);
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
    // The topics of someone else's Zoom meetings are theirs: only counted, unless they are the asker's own.
    const zoomNamed = seesAddressesOf(args.asker, person.userId) ? zoom : [];
    list = [...own.named, ...zoomNamed].sort((a, b) => a.start.localeCompare(b.start));
    otherOverlaps = own.hidden.size + zoom.length - zoomNamed.length;
  }
  const total = list.length + otherOverlaps;
  const r = hostSettings.requirements;
  return {
    user: { id: person.userId, name: person.name },
    zoomEmail: seesAddressesOf(args.asker, person.userId) ? person.email : null,
    message: null,
    webinarAvailable: deps.settings.allowWebinars && hostSettings.webinar,
    passcodeRules: { ...r, maxConsecutive: r.maxConsecutive ?? null },
    window: windowOut,
    overlaps: list,
    otherOverlaps,
    warning: total
      ? `In Zoom the same host cannot start several meetings in parallel: ${person.name} hosts ${total === 1 ? 'another meeting' : `${total} other meetings`} at that time.`
      : null,
  };
}

/** The meeting of the room being edited is no conflict with itself. */
async function excludedMeetingIds(s: ZoomServices, roomId: number | undefined): Promise<string[]> {
  if (roomId === undefined) return [];
  const rows = await s.db
    .select({ keys: vcRooms.searchKeys })
    .from(vcRooms)
    .where(inArray(vcRooms.id, [roomId]));
  return rows.flatMap((r) => r.keys);
}
