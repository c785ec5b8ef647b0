// `npm run zoom -- rooms` and `reconcile`: this server's Zoom rooms, and their drift from Zoom.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { events } from '../server/events/schema';
import { vcRoomLinks, vcRooms } from '../server/vc/schema';
import type { ZoomClient } from '../server/vc/zoom/client';
import { reconcileZoomRooms } from '../server/vc/zoom/rooms/reconcile';
import { formatMeetingId, ZOOM_PROVIDER, ZoomRoomData } from '../server/vc/zoom/rooms/room-data';
import type { CliDeps } from './zoom-commands';
import { EXIT } from './zoom-exit';

export async function listZoomRooms(args: string[], deps: CliDeps): Promise<number> {
  const { io, db } = deps;
  let status: 'created' | 'deleted' | undefined;
  if (args.length) {
    const value = args[0] === '--status' ? args[1] : undefined;
    if ((value !== 'created' && value !== 'deleted') || args.length !== 2) {
      io.err('Usage: npm run zoom -- rooms [--status created|deleted]');
      return EXIT.usage;
    }
    status = value;
  }
  const rooms = await db
    .select()
    .from(vcRooms)
    .where(
      and(
        eq(vcRooms.provider, ZOOM_PROVIDER),
        status ? eq(vcRooms.status, status) : undefined,
        // A room being deleted is not "created" any more, whatever its status column says until Zoom confirms.
        status === 'created' ? isNull(vcRooms.deletionRequestedAt) : undefined,
      ),
    )
    .orderBy(asc(vcRooms.id));
  if (!rooms.length) {
    io.out('No Zoom rooms.');
    return EXIT.ok;
  }
  const links = await db
    .selectDistinct({ roomId: vcRoomLinks.roomId, eventId: events.id, title: events.title })
    .from(vcRoomLinks)
    .innerJoin(events, eq(events.id, vcRoomLinks.eventId))
    .where(
      inArray(
        vcRoomLinks.roomId,
        rooms.map((r) => r.id),
      ),
    )
    .orderBy(asc(events.id));
  io.out('ID      STATUS    MEETING ID       NAME / HOST / EVENTS');
  for (const room of rooms) {
    const data = ZoomRoomData.safeParse(room.data);
    const state = room.deletionRequestedAt && room.status === 'created' ? 'deleting' : room.status;
    const meeting = data.success ? formatMeetingId(data.data.meetingId) : '?';
    io.out(`${`#${room.id}`.padEnd(8)}${state.padEnd(10)}${meeting.padEnd(17)}${room.name}`);
    if (data.success) io.out(`${' '.repeat(35)}host: ${data.data.hostName} <${data.data.hostEmail}>`);
    const used = links.filter((l) => l.roomId === room.id).map((l) => `#${l.eventId} ${l.title}`);
    io.out(`${' '.repeat(35)}events: ${used.length ? used.join('; ') : '(none)'}`);
  }
  return EXIT.ok;
}

export async function reconcileRooms(client: ZoomClient, args: string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  const fix = args.includes('--fix');
  if (args.some((a) => a !== '--fix')) {
    io.err('Usage: npm run zoom -- reconcile [--fix]');
    return EXIT.usage;
  }
  const clock = deps.clientOptions?.clock ?? (() => new Date());
  const { checked, drift } = await reconcileZoomRooms({ db: deps.db, client, clock }, { fix });
  for (const d of drift) {
    const what =
      d.kind === 'gone'
        ? 'gone from Zoom'
        : d.kind === 'error'
          ? 'could not be checked'
          : 'differs from Zoom';
    const done = d.fixed ? (d.kind === 'gone' ? ' → marked deleted' : ' → updated from Zoom') : '';
    io.out(`#${d.roomId} "${d.name}" (meeting ${formatMeetingId(d.meetingId)}) ${what}${done}`);
    for (const line of d.details) io.out(`    ${line}`);
  }
  const unfixed = drift.filter((d) => !d.fixed).length;
  io.out(
    `${checked} room${checked === 1 ? '' : 's'} checked, ${drift.length} with drift${fix ? `, ${drift.length - unfixed} fixed` : ''}.`,
  );
  return unfixed ? EXIT.drift : EXIT.ok;
}
