import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';

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

/** The error boundary of the pages: the layout (header, main) stays around it. */
export function RouteErrorPage() {
  return <ErrorState error={useRouteError()} />;
}

/** The last-resort boundary, when the layout itself failed: it brings its own main landmark. */
export function RootErrorPage() {
  const error = useRouteError();
  return (
    <main id="main">
      <ErrorState error={error} />
    </main>
  );
}
