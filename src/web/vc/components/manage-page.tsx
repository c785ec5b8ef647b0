// Services → Videoconference (/event/:id/manage/videoconference): the event's rooms, and Create / Add existing.
import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { VcManagedRoom, VcProviderInfo, VcRemoveResult, VcWriteResult } from '../../../contracts/vc';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useManagePage } from '../api/get-manage-page';
import type { RoomFormSource } from '../api/get-room-form';
import { useDeleteRoom, useDetachLink, useRefreshLink, useRunAction } from '../api/write-rooms';
import { webProvider } from '../providers';
import { AttachModal } from './attach-modal';
import { ManagedRoom } from './managed-room';
import { ProviderChoiceModal } from './provider-choice-modal';
import { DeleteDialog, DetachDialog } from './remove-dialogs';
import { RoomFormModal } from './room-form-modal';

export interface VcManagePageProps {
  event: { id: number; title: string };
}

function notifyWrite(result: VcWriteResult, done: string) {
  notifications.show({ color: 'green', message: done });
  if (result.notice)
    notifications.show({ color: 'blue', title: result.room.provider.displayName, message: result.notice });
}

/** The server's answer, under the room's name: "The videoconference was detached" alone says not which. */
function notifyRemove(result: VcRemoveResult, room: VcManagedRoom) {
  notifications.show({
    color: result.roomDeletion === 'pending' ? 'orange' : 'green',
    title: `“${room.name}”`,
    message: result.message,
  });
}

/** Runs a provider action, first asking when its provider wants the manager to confirm it. */
function confirmAction(room: VcManagedRoom, actionId: string, run: () => void) {
  const confirmation = webProvider(room.provider.name).actionConfirmations?.[actionId];
  if (!confirmation) return run();
  modals.openConfirmModal({
    title: confirmation.title,
    children: (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          “{room.name}”
        </Text>
        <Text size="sm">{confirmation.message}</Text>
      </Stack>
    ),
    labels: { confirm: confirmation.confirmLabel, cancel: 'Cancel' },
    onConfirm: run,
  });
}

const notifyError = (title: string, room: VcManagedRoom) => (err: unknown) =>
  notifications.show({ color: 'red', title: `${title}: “${room.name}”`, message: errorMessage(err) });

export function VcManagePage({ event }: VcManagePageProps) {
  const page = useManagePage(event.id);
  usePageTitle(`Videoconference · ${page.data?.event.title ?? event.title}`);
  const refresh = useRefreshLink(event.id);
  const detach = useDetachLink(event.id);
  const remove = useDeleteRoom(event.id);
  const action = useRunAction(event.id);
  const [choice, setChoice] = useState<'create' | 'attach'>();
  const [formSource, setFormSource] = useState<{
    source: RoomFormSource;
    providerName: string;
    roomId?: number;
  }>();
  const [attachProvider, setAttachProvider] = useState<VcProviderInfo>();
  const [detaching, setDetaching] = useState<VcManagedRoom>();
  const [deleting, setDeleting] = useState<VcManagedRoom>();
  const providers = page.data?.providers ?? [];

  const open = (purpose: 'create' | 'attach', provider: VcProviderInfo) => {
    setChoice(undefined);
    if (purpose === 'create')
      setFormSource({
        source: { kind: 'create', provider: provider.name },
        providerName: provider.displayName,
      });
    else setAttachProvider(provider);
  };
  const start = (purpose: 'create' | 'attach') => {
    const [only] = providers;
    // With one provider there is nothing to choose.
    if (providers.length === 1 && only) open(purpose, only);
    else setChoice(purpose);
  };
  const busyLinkId = refresh.isPending
    ? refresh.variables
    : action.isPending
      ? action.variables?.linkId
      : undefined;

  if (page.isPending) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label="Loading the videoconferences" />
      </Center>
    );
  }
  if (page.isError) {
    return (
      <Alert color="red" role="alert" title="The videoconferences could not be loaded">
        {errorMessage(page.error)}
      </Alert>
    );
  }
  const { rooms } = page.data;
  const timezone = page.data.event.timezone;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>Videoconference</Title>
          <Text c="dimmed" size="sm">
            Rooms participants join from the event's pages, for the whole event, a contribution or a session
            block.
          </Text>
        </Stack>
        {providers.length > 0 && (
          <Group gap="xs">
            <Button onClick={() => start('create')}>Create</Button>
            <Button variant="default" onClick={() => start('attach')}>
              Add existing
            </Button>
          </Group>
        )}
      </Group>
      {providers.length === 0 && (
        <Alert color="gray" title="No videoconference service is available to you">
          An administrator can enable a service on this server (Administration → Videoconference). Rooms
          already here can still be detached.
        </Alert>
      )}
      {rooms.length === 0 ? (
        <EmptyState
          title="No videoconference yet"
          description="Create a videoconference room for this event, or add one you already use elsewhere. Link it to the whole event, a contribution or a session block: participants then find it on the event's pages with a Join button."
        />
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          aria-label="Videoconferences of this event"
          style={{ listStyle: 'none' }}
        >
          {rooms.map((room) => (
            <ManagedRoom
              key={room.linkId}
              room={room}
              timezone={timezone}
              actions={{
                busyLinkId,
                onEdit: (r) =>
                  setFormSource({
                    source: { kind: 'edit', linkId: r.linkId },
                    providerName: r.provider.displayName,
                    roomId: r.roomId,
                  }),
                onRefresh: (r) =>
                  refresh.mutate(r.linkId, {
                    onSuccess: (result) => notifyWrite(result, `“${result.room.name}” refreshed.`),
                    onError: notifyError('Refresh failed', r),
                  }),
                onDetach: setDetaching,
                onDelete: setDeleting,
                onAction: (r, actionId) =>
                  confirmAction(r, actionId, () =>
                    action.mutate(
                      { linkId: r.linkId, actionId },
                      {
                        onSuccess: (result) =>
                          notifications.show({
                            color: 'green',
                            title: `“${result.room.name}”`,
                            message: result.message,
                          }),
                        onError: notifyError('That did not work', r),
                      },
                    ),
                  ),
              }}
            />
          ))}
        </Stack>
      )}
      <ProviderChoiceModal
        purpose={choice}
        providers={providers}
        onChoose={(p) => choice && open(choice, p)}
        onClose={() => setChoice(undefined)}
      />
      <RoomFormModal
        eventId={event.id}
        source={formSource?.source}
        providerName={formSource?.providerName ?? ''}
        roomId={formSource?.roomId}
        onClose={() => setFormSource(undefined)}
        onSaved={(result) => {
          notifyWrite(
            result,
            formSource?.source.kind === 'edit'
              ? `“${result.room.name}” saved.`
              : `“${result.room.name}” created.`,
          );
          setFormSource(undefined);
        }}
      />
      <AttachModal
        eventId={event.id}
        provider={attachProvider}
        onClose={() => setAttachProvider(undefined)}
        onSaved={(result) => {
          notifyWrite(result, `“${result.room.name}” added to this event.`);
          setAttachProvider(undefined);
        }}
      />
      <DetachDialog
        key={`detach-${detaching?.linkId}`}
        room={detaching}
        busy={detach.isPending}
        onClose={() => setDetaching(undefined)}
        onConfirm={(deleteRoom) =>
          detaching &&
          detach.mutate(
            { linkId: detaching.linkId, deleteRoom },
            {
              onSuccess: (result) => {
                notifyRemove(result, detaching);
                setDetaching(undefined);
              },
              onError: notifyError('Detach failed', detaching),
            },
          )
        }
      />
      <DeleteDialog
        room={deleting}
        busy={remove.isPending}
        onClose={() => setDeleting(undefined)}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { linkId: deleting.linkId, otherEventIds: deleting.otherEvents.map((e) => e.id) },
            {
              onSuccess: (result) => {
                notifyRemove(result, deleting);
                setDeleting(undefined);
              },
              onError: notifyError('Delete failed', deleting),
            },
          )
        }
      />
    </Stack>
  );
}
