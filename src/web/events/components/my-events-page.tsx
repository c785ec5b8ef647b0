import { Alert, Button, EmptyState, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useMyEvents } from '../api/get-my-events';
import { EventListItems } from './event-list';
import { PageLoader } from './load-states';

/** The events the user is a manager of, newest first, each with a link to its management area. */
export function MyEventsPage() {
  usePageTitle('My events');
  const [page, setPage] = useState(1);
  const mine = useMyEvents(page);
  const data = mine.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack py="md" gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My events</Title>
          <Text c="dimmed" mt={4}>
            Events you manage.
          </Text>
        </div>
        {data?.can.create && (
          <Button component={Link} to="/events/new">
            Create event
          </Button>
        )}
      </Group>
      {mine.isPending && <PageLoader />}
      {mine.isError && (
        <Alert color="red" role="alert" title="Your events could not be loaded">
          {errorMessage(mine.error)}
        </Alert>
      )}
      {data &&
        (data.items.length > 0 ? (
          <EventListItems events={data.items} showManage />
        ) : (
          <EmptyState
            title="You manage no events yet"
            description={
              data.can.create
                ? 'Create one, or ask the managers of an event to add you.'
                : 'Ask the managers of an event to add you.'
            }
          />
        ))}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          aria-label="Pages of my events"
        />
      )}
    </Stack>
  );
}
