import { EmptyState, Paper, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../lib/use-page-title';

/** The events feature replaces this page with the events the user manages or attends. */
export function MyEventsPlaceholder() {
  usePageTitle('My events');
  return (
    <Stack py="md">
      <Title order={1}>My events</Title>
      <Paper withBorder p="xl">
        <EmptyState
          title="No events yet"
          description="Events you manage or take part in will be listed here."
        />
      </Paper>
    </Stack>
  );
}
