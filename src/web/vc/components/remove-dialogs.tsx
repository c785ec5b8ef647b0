// Detach and Delete confirmations. Both name the distinct other events that use the room (those the
// manager may not see are counted, not named), so nobody breaks another event's room unawares.
import { Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { VcManagedRoom } from '../../../contracts/vc';

function OtherEvents({ room }: { room: VcManagedRoom }) {
  if (!room.otherEvents.length && !room.hiddenOtherEvents) return null;
  return (
    <List size="sm" spacing={2}>
      {room.otherEvents.map((e) => (
        <List.Item key={e.id}>{e.title}</List.Item>
      ))}
      {room.hiddenOtherEvents > 0 && (
        <List.Item>
          {room.hiddenOtherEvents === 1 ? '1 other event' : `${room.hiddenOtherEvents} other events`} you may
          not see
        </List.Item>
      )}
    </List>
  );
}

const usedElsewhere = (room: VcManagedRoom) => room.otherEvents.length + room.hiddenOtherEvents;

export function DetachDialog({
  room,
  busy,
  onConfirm,
  onClose,
}: {
  room: VcManagedRoom | undefined;
  busy: boolean;
  onConfirm: (deleteRoom: boolean) => void;
  onClose: () => void;
}) {
  const [deleteRoom, setDeleteRoom] = useState(true);
  const lastLink = room?.totalLinks === 1;
  // A deleted room, or one being deleted, has nothing left to delete at the provider.
  const canDelete = lastLink && room?.status === 'created' && room.providerAvailable;
  return (
    <Modal opened={room !== undefined} onClose={onClose} title="Detach videoconference" centered>
      {room && (
        <Stack>
          <Text size="sm">
            Detach “{room.name}” from{' '}
            {room.target.type === 'event'
              ? 'this event'
              : `${room.target.type === 'block' ? 'session block' : 'contribution'} “${room.target.title}”`}
            ?
          </Text>
          {usedElsewhere(room) > 0 ? (
            <>
              <Text size="sm">It stays in use in:</Text>
              <OtherEvents room={room} />
            </>
          ) : !lastLink ? (
            <Text size="sm">It stays linked elsewhere in this event.</Text>
          ) : canDelete ? (
            <Checkbox
              label={`Also delete it at ${room.provider.displayName} (nothing else uses it)`}
              checked={deleteRoom}
              onChange={(e) => setDeleteRoom(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red.9" loading={busy} onClick={() => onConfirm(Boolean(canDelete) && deleteRoom)}>
              Detach
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function DeleteDialog({
  room,
  busy,
  onConfirm,
  onClose,
}: {
  room: VcManagedRoom | undefined;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={room !== undefined} onClose={onClose} title="Delete videoconference" centered>
      {room && (
        <Stack>
          <Text size="sm">
            Delete “{room.name}” at {room.provider.displayName}? Nobody will be able to join it any more.
          </Text>
          {usedElsewhere(room) > 0 && (
            <>
              <Text size="sm" fw={600}>
                It is also used by{' '}
                {usedElsewhere(room) === 1 ? 'another event' : `${usedElsewhere(room)} other events`}, where
                it will show as deleted:
              </Text>
              <OtherEvents room={room} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red.9" loading={busy} onClick={onConfirm}>
              Delete
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
