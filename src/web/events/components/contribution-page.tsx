import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { usePageTitle } from '../../lib/use-page-title';
import { useContributionPage } from '../api/get-contribution-page';
import { TimetableEntrySlots } from '../extension-slots';
import { formatDuration, formatSpan } from '../lib/time';
import { EventCrumbs } from './event-header';
import { EventLoadError, PageLoader, parseId } from './load-states';
import { Markdown } from './markdown';
import { PageSection } from './page-section';
import { SessionSwatch } from './session-colour';
import { TimezoneSwitch, useShownTimezone } from './timezone-switch';

/** /event/:eventId/contributions/:contributionId */
export function ContributionPage() {
  const params = useParams();
  const eventId = parseId(params.eventId);
  const contributionId = parseId(params.contributionId);
  if (eventId === undefined || contributionId === undefined) return <NotFoundPage />;
  return <ContributionPageFor eventId={eventId} contributionId={contributionId} />;
}

function ContributionPageFor({ eventId, contributionId }: { eventId: number; contributionId: number }) {
  const query = useContributionPage(eventId, contributionId);
  const shown = useShownTimezone(query.data?.event.timezone ?? 'UTC');
  usePageTitle(query.data?.contribution.title);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <EventLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const { event, contribution, block, session } = data;
  const blockName =
    block && session ? (block.title ? `${session.title}: ${block.title}` : session.title) : null;
  return (
    <Stack component="article" py="md" gap="lg" aria-label={contribution.title}>
      <EventCrumbs event={event} block={block && blockName ? { id: block.id, name: blockName } : undefined} />
      <Stack gap="xs">
        <Title order={1}>{contribution.title}</Title>
        <Text fw={500}>
          {contribution.start && contribution.end ? (
            <>
              {formatSpan(contribution.start, contribution.end, shown.timezone)}{' '}
              <Text span c="dimmed" fw={400}>
                ({shown.timezone}, {formatDuration(contribution.durationMinutes)})
              </Text>
            </>
          ) : (
            'Not scheduled yet'
          )}
        </Text>
        {block && session && blockName && (
          <Group gap="xs">
            <SessionSwatch colour={session.colour} />
            <Text size="sm">
              In{' '}
              <Anchor component={Link} to={`/event/${event.id}/blocks/${block.id}`}>
                {blockName}
              </Anchor>
            </Text>
          </Group>
        )}
        {contribution.start && <TimezoneSwitch shown={shown} />}
      </Stack>
      <TimetableEntrySlots
        event={event}
        kind="contribution"
        id={contribution.id}
        payload={{ kind: 'contribution', data }}
        placement="page"
      />
      {contribution.speakers.length > 0 && (
        <PageSection title={contribution.speakers.length === 1 ? 'Speaker' : 'Speakers'}>
          <Stack component="ul" gap={4} className="plain-list">
            {contribution.speakers.map((s) => (
              <Text component="li" key={s.id}>
                {s.name}
                {s.email && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    ({s.email})
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        </PageSection>
      )}
      {contribution.description.trim() && (
        <PageSection title="Description">
          <Paper withBorder p="md">
            <Markdown source={contribution.description} />
          </Paper>
        </PageSection>
      )}
    </Stack>
  );
}
