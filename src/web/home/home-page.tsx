import { Alert, EmptyState, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUpcomingEvents } from '../events/api/get-events';
import { CreateEventButton } from '../events/components/create-event-button';
import { EventListItems } from '../events/components/event-list';
import { PageLoader } from '../events/components/load-states';
import { errorMessage } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';

/** Upcoming events the viewer may see, soonest first, searchable by title. */
export function HomePage() {
  usePageTitle(undefined);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const events = useUpcomingEvents(q, page);
  const data = events.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack py="md" gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Upcoming events</Title>
        <CreateEventButton />
      </Group>
      <TextInput
        label="Search events"
        description="By title"
        type="search"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {events.isPending && <PageLoader />}
      {events.isError && (
        <Alert color="red" role="alert" title="The events could not be loaded">
          {errorMessage(events.error)}
        </Alert>
      )}
      {data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.total === 1 ? '1 upcoming event' : `${data.total} upcoming events`}
            {q ? ` matching “${q}”` : ''}
          </Text>
          {data.items.length > 0 ? (
            <EventListItems events={data.items} />
          ) : (
            <EmptyState
              title={q ? 'No event matches this search' : 'No upcoming events'}
              description={
                q
                  ? 'Try another part of the title.'
                  : 'Events will be listed here once organisers create them.'
              }
            />
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              aria-label="Pages of events"
            />
          )}
        </>
      )}
    </Stack>
  );
}
