// /my/rooms: the rooms the user created, hosts, or uses in an event they manage.
import { Alert, EmptyState, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useMyRooms } from '../api/get-room-lists';
import { RoomListTable } from './room-list-table';

export function MyRoomsPage() {
  usePageTitle('My rooms');
  const [page, setPage] = useState(1);
  const rooms = useMyRooms(page);
  return (
    <Stack py="md" gap="lg">
      <Stack gap={4}>
        <Title order={1}>My rooms</Title>
        <Text c="dimmed" size="sm">
          Videoconference rooms you created, host, or that are used in events you manage.
        </Text>
      </Stack>
      {rooms.isError && (
        <Alert color="red" role="alert" title="Your rooms could not be loaded">
          {errorMessage(rooms.error)}
        </Alert>
      )}
      {rooms.data &&
        (rooms.data.items.length === 0 ? (
          <EmptyState
            title="No rooms yet"
            description="Rooms appear here once you create one from an event's Services → Videoconference page."
          />
        ) : (
          <RoomListTable list={rooms.data} label="My rooms" withRelations page={page} onPage={setPage} />
        ))}
    </Stack>
  );
}
