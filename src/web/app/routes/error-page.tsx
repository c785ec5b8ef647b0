import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';

/** What went wrong, in words, and a way out; used by the router's error boundary and by failed loads. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  usePageTitle('Something went wrong');
  const message =
    error instanceof ApiError
      ? error.message
      : isRouteErrorResponse(error)
        ? `${error.status} ${error.statusText}`
        : 'An unexpected error stopped this page. Reloading it usually helps; if not, tell the administrators.';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Something went wrong</Title>
        <Text>{message}</Text>
        {error instanceof Error && !(error instanceof ApiError) && import.meta.env.DEV && (
          <Code block>{error.stack ?? error.message}</Code>
        )}
        <Group>
          <Button onClick={onRetry ?? (() => window.location.reload())}>Try again</Button>
          <Button component={Link} to="/" variant="default">
            Go to the home page
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}

/** The router's error boundary: it replaces the whole page, so it brings its own landmarks. */
export function ErrorPage() {
  const error = useRouteError();
  return (
    <main id="main">
      <ErrorState error={error} />
    </main>
  );
}
