import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Contribution, EventPage } from '../../../contracts/events';
import { type DisplayPayload, TimetableEntrySlots } from '../extension-slots';
import { speakerNames } from '../lib/labels';
import { formatDay, formatTimeRange } from '../lib/time';
import { type BlockEntry, buildTimetable } from '../lib/timetable';
import { sessionColourStyle } from './session-colour';

interface ViewProps {
  page: EventPage;
  timezone: string;
}

export function ContributionLine({
  contribution,
  eventId,
  timezone,
  payload,
  as = 'li',
}: {
  contribution: Contribution;
  eventId: number;
  timezone: string;
  payload: DisplayPayload;
  /** 'div' when the line is not an item of a list of contributions. */
  as?: 'li' | 'div';
}) {
  const speakers = speakerNames(contribution.speakers);
  return (
    <Group component={as} align="flex-start" wrap="nowrap" gap="md">
      <Text size="sm" className="timetable-time">
        {contribution.start && contribution.end
          ? formatTimeRange(contribution.start, contribution.end, timezone)
          : 'Not scheduled'}
      </Text>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor component={Link} to={`/event/${eventId}/contributions/${contribution.id}`} fw={500}>
          {contribution.title}
        </Anchor>
        {speakers && (
          <Text size="sm" c="dimmed">
            {speakers}
          </Text>
        )}
        <TimetableEntrySlots
          event={payload.data.event}
          kind="contribution"
          id={contribution.id}
          payload={payload}
          placement="timetable"
        />
      </Stack>
    </Group>
  );
}

function BlockCard({ entry, page, timezone }: { entry: BlockEntry } & ViewProps) {
  const { block, session } = entry;
  const payload: DisplayPayload = { kind: 'event', data: page };
  const name = session ? (block.title ? `${session.title}: ${block.title}` : session.title) : block.title;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      className="timetable-entry"
      style={sessionColourStyle(session?.colour)}
    >
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="md">
          <Text size="sm" fw={600} className="timetable-time">
            {formatTimeRange(block.start, block.end, timezone)}
          </Text>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Title order={4} size="h5">
              <Anchor component={Link} to={`/event/${page.event.id}/blocks/${block.id}`} inherit>
                {name}
              </Anchor>
            </Title>
            <TimetableEntrySlots
              event={page.event}
              kind="block"
              id={block.id}
              payload={payload}
              placement="timetable"
            />
          </Stack>
        </Group>
        {entry.contributions.length > 0 && (
          <Stack component="ul" gap="sm" className="plain-list" aria-label={`Contributions of ${name}`}>
            {entry.contributions.map((c) => (
              <ContributionLine
                key={c.id}
                contribution={c}
                eventId={page.event.id}
                timezone={timezone}
                payload={payload}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The event's timetable by day, in the timezone chosen by the viewer, from the one display payload. */
export function TimetableView({ page, timezone }: ViewProps) {
  const { days } = buildTimetable(page, timezone);
  const payload: DisplayPayload = { kind: 'event', data: page };
  if (days.length === 0) {
    return <Text c="dimmed">The timetable is not published yet.</Text>;
  }
  return (
    <Stack gap="lg">
      {days.map(({ day, entries }) => (
        <Stack key={day} gap="sm">
          <Title order={3} size="h4">
            {formatDay(day)}
          </Title>
          <Stack component="ul" gap="sm" className="plain-list">
            {entries.map((entry) =>
              entry.kind === 'block' ? (
                <BlockCard key={`b${entry.block.id}`} entry={entry} page={page} timezone={timezone} />
              ) : (
                <Paper
                  key={`c${entry.contribution.id}`}
                  component="li"
                  withBorder
                  p="md"
                  className="timetable-entry"
                >
                  <ContributionLine
                    as="div"
                    contribution={entry.contribution}
                    eventId={page.event.id}
                    timezone={timezone}
                    payload={payload}
                  />
                </Paper>
              ),
            )}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
