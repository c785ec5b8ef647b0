import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { EventSummary } from '../../../contracts/events';
import { PROTECTION_LABEL, placeOf } from '../lib/labels';
import { formatSpan } from '../lib/time';

/** One event of a list: title, days and hours in the event's own timezone, place. */
export function EventListItem({ event, showManage }: { event: EventSummary; showManage?: boolean }) {
  const where = placeOf(event);
  return (
    <Paper component="li" withBorder p="md" className="event-list-item">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/event/${event.id}`} fw={600} fz="lg">
            {event.title}
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            {event.protectionMode !== 'public' && (
              <Badge variant="light" color="gray">
                {PROTECTION_LABEL[event.protectionMode]}
              </Badge>
            )}
            {showManage && event.can.manage && (
              <Anchor component={Link} to={`/event/${event.id}/manage`} size="sm">
                Manage<VisuallyHidden> {event.title}</VisuallyHidden>
              </Anchor>
            )}
          </Group>
        </Group>
        <Text size="sm">
          {formatSpan(event.start, event.end, event.timezone)}{' '}
          <Text span size="sm" c="dimmed">
            ({event.timezone})
          </Text>
        </Text>
        {where && (
          <Text size="sm" c="dimmed">
            {where}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function EventListItems({ events, showManage }: { events: EventSummary[]; showManage?: boolean }) {
  return (
    <Stack component="ul" gap="sm" className="plain-list">
      {events.map((event) => (
        <EventListItem key={event.id} event={event} showManage={showManage} />
      ))}
    </Stack>
  );
}
