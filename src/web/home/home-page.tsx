import { EmptyState, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../lib/use-page-title';

/** Placeholder: the events feature replaces this page with the list of upcoming events. */
export function HomePage() {
  usePageTitle(undefined);
  return (
    <Stack py="md">
      <Title order={1}>Upcoming events</Title>
      <EmptyState
        title="No upcoming events"
        description="Events will be listed here once organisers create them."
      />
    </Stack>
  );
}
