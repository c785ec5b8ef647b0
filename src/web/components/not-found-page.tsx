import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../lib/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  const location = useLocation();
  return (
    <Stack py="xl" maw={560}>
      <Title order={1}>Page not found</Title>
      <Text>
        There is no page at{' '}
        <Text span ff="monospace">
          {location.pathname}
        </Text>
        . It may have moved, or the link may be mistyped.
      </Text>
      <div>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </div>
    </Stack>
  );
}
