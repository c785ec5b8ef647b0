import { Badge, Group, Text } from '@mantine/core';
import type { VcTarget } from '../../../contracts/vc';
import { formatSpan } from './format';

/** What a room is linked to: the event, contribution "…" or session block "…", with its date and time. */
export function TargetText({ target, timezone }: { target: VcTarget; timezone: string }) {
  if (target.type === 'event') return <Text size="sm">The whole event</Text>;
  const what = target.type === 'contribution' ? 'Contribution' : 'Session block';
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">
        {what} “{target.title}”
        {target.start && (
          <Text span size="sm" c="dimmed">
            {' · '}
            {formatSpan(target.start, target.end, timezone)}
          </Text>
        )}
      </Text>
      {target.type === 'contribution' && target.unscheduled && (
        <Badge color="grape" variant="light" size="sm">
          Not scheduled
        </Badge>
      )}
    </Group>
  );
}
