import { Divider, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { usePageTitle } from '../../lib/use-page-title';
import { useEventPage } from '../api/get-event-page';
import { EventSectionSlots } from '../extension-slots';
import { EventHeader } from './event-header';
import { EventLoadError, PageLoader, parseId } from './load-states';
import { Markdown } from './markdown';
import { PageSection } from './page-section';
import { TimetableView } from './timetable-view';
import { useShownTimezone } from './timezone-switch';

/** /event/:eventId, rendered from the one display request (no request per contribution). */
export function EventPage() {
  const eventId = parseId(useParams().eventId);
  if (eventId === undefined) return <NotFoundPage />;
  return <EventPageFor eventId={eventId} />;
}

function EventPageFor({ eventId }: { eventId: number }) {
  const query = useEventPage(eventId);
  const shown = useShownTimezone(query.data?.event.timezone ?? 'UTC');
  usePageTitle(query.data?.event.title);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <EventLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const page = query.data;
  return (
    <Stack component="article" py="md" gap="xl" aria-label={page.event.title}>
      <EventHeader event={page.event} shown={shown} />
      {page.event.description.trim() && (
        <>
          <Divider />
          <Markdown source={page.event.description} />
        </>
      )}
      {/* Modules' sections (videoconference rooms first) go between the description and the timetable. */}
      <EventSectionSlots event={page.event} payload={page} />
      <PageSection title="Timetable">
        <TimetableView page={page} timezone={shown.timezone} />
      </PageSection>
    </Stack>
  );
}
