import { EmptyState, Paper, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../lib/use-page-title';

function CalendarIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" strokeLinecap="round" />
    </svg>
  );
}

/** Placeholder: the events feature replaces this page with the list of upcoming events. */
export function HomePage() {
  usePageTitle(undefined);
  return (
    <Stack py="md" gap="lg">
      <Title order={1}>Upcoming events</Title>
      <Paper withBorder p="xl">
        <EmptyState
          icon={<CalendarIcon />}
          variant="light"
          title="No upcoming events"
          description="Events will be listed here once organisers create them."
        />
      </Paper>
    </Stack>
  );
}
