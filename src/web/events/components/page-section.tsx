import { Stack, Title } from '@mantine/core';
import { useId } from 'react';

/**
 * A titled part of an event page: a <section> named by its h2 (the event's title is the page's h1).
 * Slot components use it too, so that every section looks and reads the same.
 */
export function PageSection({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <div className="page-section-heading">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Stack>
  );
}
