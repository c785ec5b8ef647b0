import { Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { usePageTitle } from '../../lib/use-page-title';
import { useBlockPage } from '../api/get-block-page';
import { type DisplayPayload, TimetableEntrySlots } from '../extension-slots';
import { formatSpan } from '../lib/time';
import { EventCrumbs } from './event-header';
import { EventLoadError, PageLoader, parseId } from './load-states';
import { PageSection } from './page-section';
import { SessionSwatch } from './session-colour';
import { ContributionLine } from './timetable-view';
import { TimezoneSwitch, useShownTimezone } from './timezone-switch';

/** /event/:eventId/blocks/:blockId: a session block and its contributions. */
export function BlockPage() {
  const params = useParams();
  const eventId = parseId(params.eventId);
  const blockId = parseId(params.blockId);
  if (eventId === undefined || blockId === undefined) return <NotFoundPage />;
  return <BlockPageFor eventId={eventId} blockId={blockId} />;
}

function BlockPageFor({ eventId, blockId }: { eventId: number; blockId: number }) {
  const query = useBlockPage(eventId, blockId);
  const shown = useShownTimezone(query.data?.event.timezone ?? 'UTC');
  const name = query.data
    ? query.data.block.title
      ? `${query.data.session.title}: ${query.data.block.title}`
      : query.data.session.title
    : undefined;
  usePageTitle(name);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <EventLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const { event, block, session, contributions } = data;
  const payload: DisplayPayload = { kind: 'block', data };
  return (
    <Stack component="article" py="md" gap="lg" aria-label={name}>
      <EventCrumbs event={event} />
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <SessionSwatch colour={session.colour} size="1.2rem" />
          <Title order={1}>{name}</Title>
        </Group>
        <Text size="sm" c="dimmed">
          {block.title ? `Session block of ${session.title}` : 'Session block'}
        </Text>
        <Text fw={500}>
          {formatSpan(block.start, block.end, shown.timezone)}{' '}
          <Text span c="dimmed" fw={400}>
            ({shown.timezone})
          </Text>
        </Text>
        <TimezoneSwitch shown={shown} />
      </Stack>
      <TimetableEntrySlots event={event} kind="block" id={block.id} payload={payload} placement="page" />
      <PageSection title="Contributions">
        {contributions.length === 0 ? (
          <Text c="dimmed">No contributions in this block yet.</Text>
        ) : (
          <Stack component="ul" gap="md" className="plain-list">
            {contributions.map((c) => (
              <ContributionLine
                key={c.id}
                contribution={c}
                eventId={event.id}
                timezone={shown.timezone}
                payload={payload}
              />
            ))}
          </Stack>
        )}
      </PageSection>
    </Stack>
  );
}
