import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Event as EventSchema } from '../../../contracts/events';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useDeleteEvent } from '../api/delete-event';
import { invalidateEvent } from '../api/invalidate';
import { ConflictAlert } from '../components/conflict-alert';
import type { ManagePageProps } from '../extension-slots';
import { conflictOf } from '../lib/conflict';
import { count } from '../lib/labels';

/** Deletes the event after a confirmation that names it; its page answers "not found" afterwards. */
export function DeletePage({ event, payload }: ManagePageProps) {
  usePageTitle(`Delete · ${event.title}`);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeleteEvent();
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<string>();

  const run = () =>
    remove.mutate(
      { eventId: event.id, version: event.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `“${event.title}” is deleted.` });
          navigate('/my/events');
        },
        onError: (err) => {
          const c = conflictOf(err, EventSchema);
          if (c) setConflict(c.message);
          else setError(err);
        },
      },
    );

  const confirm = () =>
    modals.openConfirmModal({
      title: `Delete “${event.title}”?`,
      children: (
        <Text size="sm">
          The event, its timetable and its services go for everyone. This cannot be undone from Convene.
        </Text>
      ),
      labels: { confirm: `Delete “${event.title}”`, cancel: 'Keep it' },
      confirmProps: { color: 'red.9' },
      onConfirm: run,
    });

  return (
    <Stack gap="md">
      <Title order={1}>Delete</Title>
      {conflict && (
        <ConflictAlert
          message={conflict}
          onReload={async () => {
            setConflict(undefined);
            await invalidateEvent(queryClient, event.id);
          }}
        />
      )}
      {error !== undefined && (
        <Alert color="red" role="alert" title="The event was not deleted">
          {errorMessage(error)}
        </Alert>
      )}
      <Text>Deleting “{event.title}” removes, for everyone:</Text>
      <List>
        <List.Item>the event page and its {count(payload.contributions.length, 'contribution')},</List.Item>
        <List.Item>
          its {count(payload.sessions.length, 'session')} and {count(payload.blocks.length, 'session block')},
        </List.Item>
        <List.Item>the services attached to it, such as videoconference rooms.</List.Item>
      </List>
      <div>
        <Button color="red.9" onClick={confirm} loading={remove.isPending}>
          Delete this event
        </Button>
      </div>
    </Stack>
  );
}
