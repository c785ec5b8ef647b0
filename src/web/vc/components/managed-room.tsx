// One room of Services → Videoconference: what it is, what it is linked to, who made it, its state, and the
// actions the server says this manager may take (it computes `can`; this file never re-derives rules).
import { Alert, Button, Collapse, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import type { VcManagedRoom } from '../../../contracts/vc';
import { ConnectionDetails, DetailActions, DetailBadges } from './connection-details';
import { StatusBadges } from './display-rooms';
import { formatMoment } from './format';
import { JoinButton } from './join-button';
import { ProviderLogo } from './provider-logo';
import { TargetText } from './target-text';

export interface RoomActions {
  onEdit: (room: VcManagedRoom) => void;
  onRefresh: (room: VcManagedRoom) => void;
  onDetach: (room: VcManagedRoom) => void;
  onDelete: (room: VcManagedRoom) => void;
  onAction: (room: VcManagedRoom, actionId: string) => void;
  busyLinkId: number | undefined;
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function StateNote({ room }: { room: VcManagedRoom }) {
  if (room.status === 'deleted') {
    return (
      <Text size="sm">
        This videoconference no longer exists at {room.provider.displayName}
        {room.deletedAt ? ` (since ${formatMoment(room.deletedAt)})` : ''}. You can detach it from this event.
      </Text>
    );
  }
  if (room.status === 'deleting') {
    return (
      <Alert color="orange" variant="light" p="xs">
        Being deleted at {room.provider.displayName}: it is retried in the background until it works.
        {room.deletion?.error ? ` Last answer: ${room.deletion.error}` : ''}
      </Alert>
    );
  }
  if (!room.providerAvailable) {
    return (
      <Text size="sm">
        {room.provider.displayName} is not available on this server any more: this videoconference can only be
        detached.
      </Text>
    );
  }
  return null;
}

export function ManagedRoom({
  room,
  timezone,
  actions,
}: {
  room: VcManagedRoom;
  timezone: string;
  actions: RoomActions;
}) {
  const [open, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const busy = actions.busyLinkId === room.linkId;
  const gone = room.status !== 'created' || !room.providerAvailable;
  const hasDetails = room.details.items.length > 0 || room.details.sections.length > 0;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      className={gone ? 'vc-room-gone' : undefined}
      aria-label={`${room.name} (${room.provider.displayName})`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <ProviderLogo provider={room.provider} size={32} />
            <Stack gap={0}>
              <Text fw={600} fz="lg">
                {room.name}
              </Text>
              <Text size="xs" c="dimmed">
                {room.provider.displayName}
              </Text>
            </Stack>
            <StatusBadges room={room} />
            <DetailBadges details={room.details} provider={room.provider.name} />
          </Group>
          <Group gap="xs">
            {!gone && <DetailActions details={room.details} />}
            {room.can.join && <JoinButton details={room.details} roomName={room.name} />}
          </Group>
        </Group>
        <StateNote room={room} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Meta label="Linked to">
            <TargetText target={room.target} timezone={timezone} />
          </Meta>
          <Meta label="Created by">
            <Text size="sm">
              {room.createdBy?.name ?? 'A deleted user'}, {formatMoment(room.createdAt)}
            </Text>
          </Meta>
          <Meta label="Last change">
            <Text size="sm">{formatMoment(room.modifiedAt)}</Text>
          </Meta>
        </SimpleGrid>
        {(room.otherEvents.length > 0 || room.hiddenOtherEvents > 0) && (
          <Text size="sm">
            Also used in:{' '}
            {[
              ...room.otherEvents.map((e) => e.title),
              ...(room.hiddenOtherEvents ? [`${room.hiddenOtherEvents} event(s) you may not see`] : []),
            ].join(', ')}
          </Text>
        )}
        <Group gap="xs">
          {room.can.edit && (
            <Button size="xs" variant="light" onClick={() => actions.onEdit(room)} disabled={busy}>
              Edit
            </Button>
          )}
          {room.can.refresh && (
            <Button size="xs" variant="light" onClick={() => actions.onRefresh(room)} loading={busy}>
              Refresh
            </Button>
          )}
          {room.actions.map((a) => (
            <Button
              key={a.id}
              size="xs"
              variant="light"
              onClick={() => actions.onAction(room, a.id)}
              disabled={busy}
            >
              {a.label}
            </Button>
          ))}
          {room.can.detach && (
            <Button
              size="xs"
              variant="light"
              color="gray"
              onClick={() => actions.onDetach(room)}
              disabled={busy}
            >
              Detach
            </Button>
          )}
          {room.can.delete && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => actions.onDelete(room)}
              disabled={busy}
            >
              Delete
            </Button>
          )}
          {hasDetails && (
            <Button size="xs" variant="default" onClick={toggle} aria-expanded={open} aria-controls={panelId}>
              {open ? 'Hide details' : 'Details'}
            </Button>
          )}
        </Group>
        <Collapse expanded={open} id={panelId}>
          <ConnectionDetails details={room.details} roomName={room.name} />
        </Collapse>
      </Stack>
    </Paper>
  );
}
