import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { ErrorState } from '../../components/error-page';
import { NotFoundPage } from '../../components/not-found-page';
import { ApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';

export function PageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** An event for logged-in users, seen by an anonymous visitor (the API answered 401). */
export function LoginToSeePage() {
  usePageTitle('Log in to see this event');
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Stack py="xl" maw={560}>
      <Title order={1}>Log in to see this event</Title>
      <Text>This event is open to logged-in users only. Log in, and you come straight back here.</Text>
      <Group>
        <Button component={Link} to={`/login?next=${next}`}>
          Log in
        </Button>
        <Button component={Link} to="/" variant="default">
          Go to the home page
        </Button>
      </Group>
    </Stack>
  );
}

/** Logged in, may see the event, but may not manage it (the page's payload says can.manage is false). */
export function NotAManagerPage({ eventId, title }: { eventId: number; title: string }) {
  usePageTitle('Not allowed');
  return (
    <Stack py="xl" maw={620}>
      <Title order={1}>You cannot manage this event</Title>
      <Text>
        Only the managers of “{title}” and administrators may open its management area. If you should be one,
        ask a manager of the event to add you under Protection.
      </Text>
      <Group>
        <Button component={Link} to={`/event/${eventId}`}>
          Back to the event
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * What to show for a failed load of an event's page: 401 offers login, 404 (missing or not visible:
 * the server answers the same for both) and 422 (a malformed id) the not-found page, the rest an error.
 */
export function EventLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError) {
    if (error.status === 401) return <LoginToSeePage />;
    if (error.status === 404 || error.status === 422) return <NotFoundPage />;
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** A positive integer from a URL segment, or undefined (the route then shows the not-found page). */
export function parseId(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && n <= 2_147_483_647 ? n : undefined;
}
