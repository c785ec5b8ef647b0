// Where rooms show on the event's pages: the event page's "Videoconference" section, and the slot beside a
// contribution or session block (in the timetable, and on its own page).
import { Stack, Text } from '@mantine/core';
import type { VcDisplayRoom } from '../../../contracts/vc';
import { PageSection } from '../../events/components/page-section';
import { CompactRoom, DisplayRoomCard, roomsOf } from './display-rooms';

interface Payload {
  extensions?: Record<string, unknown>;
}

/** The event page's section: rooms of the whole event, then those of contributions and blocks. */
export function VcEventSection({ payload, timezone }: { payload: Payload; timezone: string }) {
  const rooms = roomsOf(payload);
  if (!rooms.length) return null;
  const eventRooms = rooms.filter((r) => r.target.type === 'event');
  const entryRooms = rooms.filter((r) => r.target.type !== 'event');
  return (
    <PageSection title="Videoconference">
      {eventRooms.map((room) => (
        <DisplayRoomCard key={room.linkId} room={room} timezone={timezone} showTarget={false} />
      ))}
      {entryRooms.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {eventRooms.length ? 'Also, for parts of the event:' : 'For parts of the event:'}
          </Text>
          {entryRooms.map((room) => (
            <DisplayRoomCard key={room.linkId} room={room} timezone={timezone} showTarget />
          ))}
        </>
      )}
    </PageSection>
  );
}

/** The rooms of one contribution or session block. */
export function entryRooms(payload: Payload, kind: 'contribution' | 'block', id: number): VcDisplayRoom[] {
  return roomsOf(payload).filter((r) => r.target.type === kind && r.target.id === id);
}

/**
 * The slot beside a contribution or block: compact in the timetable, cards on the entry's own page. A
 * contribution's page also offers its session block's room, the way in when the talk has none of its own.
 */
export function VcEntryRooms({
  payload,
  kind,
  id,
  placement,
  timezone,
}: {
  payload: Payload;
  kind: 'contribution' | 'block';
  id: number;
  placement: 'timetable' | 'page';
  timezone: string;
}) {
  const own = entryRooms(payload, kind, id);
  const around =
    placement === 'page' && kind === 'contribution'
      ? roomsOf(payload).filter((r) => r.target.type === 'block')
      : [];
  const rooms = [...own, ...around];
  if (!rooms.length) return null;
  if (placement === 'timetable') {
    return (
      <Stack gap={4}>
        {rooms.map((room) => (
          <CompactRoom key={room.linkId} room={room} />
        ))}
      </Stack>
    );
  }
  return (
    <PageSection title="Videoconference">
      {rooms.map((room) => (
        <DisplayRoomCard key={room.linkId} room={room} timezone={timezone} showTarget={!own.includes(room)} />
      ))}
    </PageSection>
  );
}
