// Rooms as participants see them on the event's pages: provider logo, name, Join, and the connection
// details the provider lets this viewer see. Managers also see hidden and deleted rooms, marked so.
import { Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import type { VcDisplay, VcDisplayRoom } from '../../../contracts/vc';
import { VcDisplay as VcDisplaySchema } from '../../../contracts/vc';
import { ConnectionDetails, DetailActions, DetailBadges } from './connection-details';
import { JoinButton } from './join-button';
import { ProviderLogo } from './provider-logo';
import { TargetText } from './target-text';

/** The rooms a display payload carries (its `extensions.vc`), or none when it carries nothing valid. */
export function roomsOf(payload: { extensions?: Record<string, unknown> }): VcDisplay['rooms'] {
  const parsed = VcDisplaySchema.safeParse(payload.extensions?.vc);
  return parsed.success ? parsed.data.rooms : [];
}

export function StatusBadges({ room }: { room: Pick<VcDisplayRoom, 'hidden' | 'status'> }) {
  return (
    <>
      {room.hidden && (
        <Badge variant="light" color="gray" size="sm">
          Hidden from participants
        </Badge>
      )}
      {room.status === 'deleted' && (
        <Badge variant="light" color="red" size="sm">
          Deleted
        </Badge>
      )}
      {room.status === 'deleting' && (
        <Badge variant="light" color="pink" size="sm">
          Being deleted
        </Badge>
      )}
    </>
  );
}

/** "Please log in", coming back to this very page (where the passcode then shows). */
function LogInHere() {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return (
    <Button component={Link} to={`/login?next=${encodeURIComponent(next)}`} variant="light" size="xs">
      Please log in
    </Button>
  );
}

/** One room as a card: what it is, Join, and its details behind a toggle. */
export function DisplayRoomCard({
  room,
  timezone,
  showTarget,
}: {
  room: VcDisplayRoom;
  timezone: string;
  showTarget: boolean;
}) {
  const [open, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const hasDetails = room.details.items.length > 0 || room.details.sections.length > 0;
  return (
    <Paper withBorder radius="md" p="sm" className={room.status === 'created' ? undefined : 'vc-room-gone'}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ProviderLogo provider={room.provider} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600}>{room.name}</Text>
            <Text size="xs" c="dimmed">
              {room.provider.displayName}
            </Text>
          </Stack>
          <StatusBadges room={room} />
          <DetailBadges details={room.details} provider={room.provider.name} />
        </Group>
        <Group gap="xs">
          {hasDetails && (
            <Button variant="default" size="xs" onClick={toggle} aria-expanded={open} aria-controls={panelId}>
              {open ? 'Hide details' : 'Details'}
            </Button>
          )}
          {room.status === 'created' && <DetailActions details={room.details} size="sm" />}
          <JoinButton details={room.details} roomName={room.name} />
        </Group>
      </Group>
      {showTarget && (
        <Stack mt={6} gap={0}>
          <TargetText target={room.target} timezone={timezone} />
        </Stack>
      )}
      {room.details.joinHint && (
        <Group gap="sm" mt={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {room.details.joinHint}
          </Text>
          {room.details.loginReveals && <LogInHere />}
        </Group>
      )}
      <Collapse expanded={open} id={panelId}>
        <Stack mt="sm">
          <ConnectionDetails details={room.details} roomName={room.name} headingLevel={3} />
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** A compact line for a timetable entry: logo, name and Join; the buttons go below the name when narrow. */
export function CompactRoom({ room }: { room: VcDisplayRoom }) {
  return (
    <Group gap="xs" wrap="wrap" className={room.status === 'created' ? undefined : 'vc-room-gone'}>
      <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: '1 1 12rem', minWidth: 0 }}>
        <ProviderLogo provider={room.provider} size={18} />
        <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {room.name}
          <Text span size="xs" c="dimmed">
            {' '}
            ({room.provider.displayName})
          </Text>
        </Text>
      </Group>
      <Group gap="xs" wrap="wrap">
        <StatusBadges room={room} />
        {room.status === 'created' && <DetailActions details={room.details} size="compact-xs" />}
        <JoinButton details={room.details} roomName={room.name} size="compact-xs" />
      </Group>
    </Group>
  );
}
