// One room of Services → Videoconference: what it is, what it is linked to, who made it, its state, and the
// actions the server says this manager may take (it computes `can`; this file never re-derives rules).
import {
  Alert,
  Button,
  Collapse,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import type { VcManagedRoom } from '../../../contracts/vc';
import { ConnectionDetails, DetailBadges } from './connection-details';
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

/** The links into this server that the details carry as actions (Start, for whom the server gives it). */
function actionItems(room: VcManagedRoom) {
  return [...room.details.items, ...room.details.sections.flatMap((s) => s.items)].filter(
    (item) => item.kind === 'url' && item.value.startsWith('/') && !item.value.startsWith('//'),
  );
}

/**
 * One primary action (Start where the server hands this manager a start link, else Join), Edit, and the
 * rest in a "More actions" menu, Delete last and in the one destructive style.
 */
function Toolbar({ room, actions }: { room: VcManagedRoom; actions: RoomActions }) {
  const busy = actions.busyLinkId === room.linkId;
  const gone = room.status !== 'created' || !room.providerAvailable;
  const starts = gone ? [] : actionItems(room);
  const joinPath = room.can.join ? room.details.joinPath : null;
  const primary = starts[0];
  const menu: Array<{ key: string; label: string; onClick?: () => void; href?: string; red?: boolean }> = [];
  if (primary && joinPath) menu.push({ key: 'join', label: 'Join as a participant', href: joinPath });
  for (const item of starts.slice(1)) menu.push({ key: item.value, label: item.label, href: item.value });
  if (room.can.refresh)
    menu.push({ key: 'refresh', label: 'Refresh', onClick: () => actions.onRefresh(room) });
  for (const a of room.actions)
    menu.push({ key: `action-${a.id}`, label: a.label, onClick: () => actions.onAction(room, a.id) });
  if (room.can.detach) menu.push({ key: 'detach', label: 'Detach', onClick: () => actions.onDetach(room) });
  if (room.can.delete)
    menu.push({ key: 'delete', label: 'Delete', onClick: () => actions.onDelete(room), red: true });
  // A single remaining action (Detach, for a room gone at its provider) is a button: a menu of one hides it.
  const lone = menu.length === 1 && menu[0]?.onClick ? menu[0] : undefined;
  return (
    <Group gap="xs">
      {primary ? (
        <Button component="a" href={primary.value} target="_blank" rel="noopener" size="xs">
          {primary.label}
        </Button>
      ) : (
        room.can.join && <JoinButton details={room.details} roomName={room.name} size="xs" />
      )}
      {room.can.edit && (
        <Button size="xs" variant="default" onClick={() => actions.onEdit(room)} disabled={busy}>
          Edit
        </Button>
      )}
      {lone && (
        <Button
          size="xs"
          variant="default"
          onClick={lone.onClick}
          loading={busy}
          className={lone.red ? 'destructive-item' : undefined}
        >
          {lone.label}
        </Button>
      )}
      {menu.length > 0 && !lone && (
        <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button size="xs" variant="default" loading={busy} rightSection={<span aria-hidden>▾</span>}>
              More<VisuallyHidden> actions for {room.name}</VisuallyHidden>
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {menu.map((item, i) => [
              item.red && i > 0 ? <Menu.Divider key={`${item.key}-divider`} /> : null,
              item.href ? (
                <Menu.Item key={item.key} component="a" href={item.href} target="_blank" rel="noopener">
                  {item.label}
                </Menu.Item>
              ) : (
                <Menu.Item
                  key={item.key}
                  onClick={item.onClick}
                  disabled={busy}
                  className={item.red ? 'destructive-item' : undefined}
                >
                  {item.label}
                </Menu.Item>
              ),
            ])}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
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
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ProviderLogo provider={room.provider} size={32} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} fz="lg" style={{ overflowWrap: 'anywhere' }}>
              {room.name}
            </Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {room.provider.displayName}
              </Text>
              <StatusBadges room={room} />
              <DetailBadges details={room.details} provider={room.provider.name} />
            </Group>
          </Stack>
        </Group>
        <StateNote room={room} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Meta label="Linked to">
            <TargetText target={room.target} timezone={timezone} />
          </Meta>
          <Meta label="Host">
            <Text size="sm">{room.host ?? '—'}</Text>
          </Meta>
          <Meta label="Created by">
            <Text size="sm">
              {room.createdBy?.name ?? 'A deleted user'}, {formatMoment(room.createdAt)}
              {room.modifiedAt !== room.createdAt ? ` · changed ${formatMoment(room.modifiedAt)}` : ''}
            </Text>
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
        <Group justify="space-between" gap="xs">
          <Toolbar room={room} actions={actions} />
          {hasDetails && (
            <Button size="xs" variant="subtle" onClick={toggle} aria-expanded={open} aria-controls={panelId}>
              {open ? 'Hide details' : 'Details'}
            </Button>
          )}
        </Group>
        <Collapse expanded={open} id={panelId}>
          <ConnectionDetails details={room.details} roomName={room.name} headingLevel={2} />
        </Collapse>
      </Stack>
    </Paper>
  );
}
