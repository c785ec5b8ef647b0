// The server's answer about the chosen host: whether they have a Zoom account, and which of their meetings
// overlap what the room is linked to. The seed only warns that "in Zoom the same host cannot start several
// meetings in parallel"; this names the meetings that would collide.
import { Group, List, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ZoomHostCheck, ZoomOverlap } from '../../../../contracts/vc-zoom';
import { errorMessage } from '../../../lib/api';
import { formatSpan } from '../../components/format';

function OverlapLine({ overlap, timezone }: { overlap: ZoomOverlap; timezone: string }) {
  const where = overlap.event
    ? ` · in “${overlap.event.title}”`
    : overlap.source === 'zoom'
      ? ' · scheduled on Zoom'
      : '';
  return (
    <List.Item>
      <Text span size="sm" fw={500}>
        {overlap.topic}
      </Text>
      <Text span size="sm">
        {' '}
        ({formatSpan(overlap.start, overlap.end, timezone)}){where}
      </Text>
    </List.Item>
  );
}

export function HostCheckResult({
  check,
  pending,
  error,
  timezone,
}: {
  check: ZoomHostCheck | undefined;
  pending: boolean;
  error: unknown;
  timezone: string;
}) {
  // Announced to screen readers as the answer arrives, without moving the focus.
  return (
    <div aria-live="polite">
      <HostCheckBody check={check} pending={pending} error={error} timezone={timezone} />
    </div>
  );
}

function HostCheckBody({
  check,
  pending,
  error,
  timezone,
}: {
  check: ZoomHostCheck | undefined;
  pending: boolean;
  error: unknown;
  timezone: string;
}) {
  if (error)
    return (
      <Text size="sm" c="dimmed">
        The host’s other meetings could not be checked: {errorMessage(error)}
      </Text>
    );
  if (!check)
    return pending ? (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Checking the host’s Zoom account and other meetings…
        </Text>
      </Group>
    ) : null;
  // No Zoom account: the host field itself shows it as its error.
  if (check.message) return null;
  const name = check.user.name;
  if (check.overlaps.length)
    return (
      <Paper
        withBorder
        p="xs"
        radius="sm"
        // The light variant's colours adapt to the colour scheme; the text keeps the body colour (AA).
        bg="var(--mantine-color-yellow-light)"
        style={{ borderColor: 'var(--mantine-color-yellow-outline)' }}
      >
        <Stack gap={4}>
          {/* The field's description already says why this matters; the headline says what was found. */}
          <Text size="sm" fw={600}>
            {name} already hosts{' '}
            {check.overlaps.length === 1 ? 'another meeting' : `${check.overlaps.length} other meetings`} at
            that time: Zoom lets a host run only one at once.
          </Text>
          <List size="sm" spacing={2} aria-label={`Meetings of ${name} at the same time`}>
            {check.overlaps.map((o) => (
              <OverlapLine key={`${o.source}:${o.meetingId}:${o.start}`} overlap={o} timezone={timezone} />
            ))}
          </List>
        </Stack>
      </Paper>
    );
  if (!check.window)
    return (
      <Text size="sm" c="dimmed">
        What the room is linked to has no time: the meeting will be recurring, with no fixed time.
      </Text>
    );
  return (
    <Text size="sm" c="dimmed">
      No other meeting of {name} overlaps {formatSpan(check.window.start, check.window.end, timezone)}.
    </Text>
  );
}
