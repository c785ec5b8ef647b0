// Where rooms show on the event's pages: the event page's "Videoconference" section, and the slot beside a
// contribution or session block (in the timetable, and on its own page).
import { Stack, Text, Title } from '@mantine/core';
import type { VcDisplayRoom } from '../../../contracts/vc';
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
    <Stack component="section" aria-labelledby="vc-section-title" gap="sm">
      <Title order={2} id="vc-section-title" fz="h3">
        Videoconference
      </Title>
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
    </Stack>
  );
}

/** The rooms of one contribution or session block. */
export function entryRooms(payload: Payload, kind: 'contribution' | 'block', id: number): VcDisplayRoom[] {
  return roomsOf(payload).filter((r) => r.target.type === kind && r.target.id === id);
}

/** The slot beside a contribution or block: compact in the timetable, a card on the entry's own page. */
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
  const rooms = entryRooms(payload, kind, id);
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
    <Stack component="section" aria-label="Videoconference" gap="xs">
      <Title order={2} fz="h4">
        Videoconference
      </Title>
      {rooms.map((room) => (
        <DisplayRoomCard key={room.linkId} room={room} timezone={timezone} showTarget={false} />
      ))}
    </Stack>
  );
}
