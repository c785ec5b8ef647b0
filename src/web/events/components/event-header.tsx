import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { EventSummary } from '../../../contracts/events';
import { placeOf } from '../lib/labels';
import { formatSpan } from '../lib/time';
import { type ShownTimezone, TimezoneSwitch } from './timezone-switch';

/** Where a contribution or block page sits: a link back to its event (and block). */
export function EventCrumbs({ event, block }: { event: EventSummary; block?: { id: number; name: string } }) {
  return (
    <Breadcrumbs component="nav" aria-label="Breadcrumb" separatorMargin={6}>
      <Anchor component={Link} to={`/event/${event.id}`} size="sm" className="touch-link">
        {event.title}
      </Anchor>
      {block && (
        <Anchor
          component={Link}
          to={`/event/${event.id}/blocks/${block.id}`}
          size="sm"
          className="touch-link"
        >
          {block.name}
        </Anchor>
      )}
    </Breadcrumbs>
  );
}

/** The event page's heading: title, when (in the zone shown), where, and the manage link for managers. */
export function EventHeader({ event, shown }: { event: EventSummary; shown: ShownTimezone }) {
  const where = placeOf(event);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1} style={{ flex: '1 1 20rem', minWidth: 0, overflowWrap: 'break-word' }}>
          {event.title}
        </Title>
        {event.can.manage && (
          <Button
            component={Link}
            to={`/event/${event.id}/manage`}
            variant="default"
            style={{ flexShrink: 0 }}
          >
            Manage
          </Button>
        )}
      </Group>
      <Text fw={500} data-testid="event-dates">
        {formatSpan(event.start, event.end, shown.timezone)}{' '}
        <Text span c="dimmed" fw={400}>
          ({shown.timezone})
        </Text>
      </Text>
      {where && <Text>{where}</Text>}
      <TimezoneSwitch shown={shown} />
    </Stack>
  );
}
