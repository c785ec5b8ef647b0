/*
 * Services → Videoconference (/event/:id/manage/videoconference). A placeholder: the videoconference
 * module replaces this file with its page (create or attach a Zoom room to the event, a contribution or a
 * session block, …). Keep the export's name and props (ManagePageProps from ../extension-slots: the event
 * and its whole display payload, refetched after every timetable change) so the router needs no change.
 */
import { EmptyState, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../lib/use-page-title';
import type { ManagePageProps } from '../extension-slots';

export function VideoconferenceManagePage({ event }: ManagePageProps) {
  usePageTitle(`Videoconference · ${event.title}`);
  return (
    <Stack gap="md">
      <Title order={1}>Videoconference</Title>
      <EmptyState
        title="No videoconference service yet"
        description="Videoconference rooms for this event, its contributions and session blocks will be managed here."
      />
    </Stack>
  );
}
