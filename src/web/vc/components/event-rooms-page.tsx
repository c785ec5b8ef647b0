// /event/:id/videoconference: every videoconference of the event on one page, grouped by what it serves
// (Indico's public "Videoconference" page). It reads the events display API, which carries the rooms.
import { Alert, Anchor, Center, EmptyState, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { EventPage } from '../../../contracts/events';
import { api, errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { DisplayRoomCard, roomsOf } from './display-rooms';

export function VcEventRoomsPage() {
  const eventId = Number(useParams().eventId);
  const page = useQuery({
    // The events feature's key of this event's pages, so that its invalidations reach this page too.
    queryKey: ['events', 'event', eventId, 'page'],
    queryFn: () => api.get<EventPage>(`/api/events/${eventId}`),
    enabled: Number.isInteger(eventId) && eventId > 0,
  });
  usePageTitle(page.data ? `Videoconference · ${page.data.event.title}` : 'Videoconference');
  if (page.isPending) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (page.isError) {
    return (
      <Alert color="red" role="alert" title="This event could not be loaded" mt="md">
        {errorMessage(page.error)}
      </Alert>
    );
  }
  const { event } = page.data;
  const rooms = roomsOf(page.data);
  const groups = [
    { title: 'The whole event', rooms: rooms.filter((r) => r.target.type === 'event') },
    { title: 'Session blocks', rooms: rooms.filter((r) => r.target.type === 'block') },
    { title: 'Contributions', rooms: rooms.filter((r) => r.target.type === 'contribution') },
  ].filter((g) => g.rooms.length > 0);
  return (
    <Stack py="md" gap="lg">
      <Stack gap={4}>
        <Title order={1}>Videoconference</Title>
        <Text>
          <Anchor component={Link} to={`/event/${event.id}`}>
            {event.title}
          </Anchor>
        </Text>
      </Stack>
      {groups.length === 0 && (
        <EmptyState title="No videoconference" description="This event has no videoconference to join." />
      )}
      {groups.map((g) => (
        <Stack key={g.title} component="section" gap="sm" aria-label={g.title}>
          <Title order={2} fz="h3">
            {g.title}
          </Title>
          {g.rooms.map((room) => (
            <DisplayRoomCard
              key={room.linkId}
              room={room}
              timezone={event.timezone}
              showTarget={g.title !== 'The whole event'}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
