// The table of rooms on /admin/videoconference and /my/rooms.
import { Anchor, Badge, Group, Pagination, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { VcRoomList, VcRoomSummary } from '../../../contracts/vc';
import { ScrollTable } from '../../components/scroll-table';
import { formatMoment } from './format';
import { ProviderLogo } from './provider-logo';

const STATUS = {
  // Green-9 on its light background is 3.8:1; blue-9 is 4.9:1.
  created: { label: 'Active', color: 'blue' },
  deleting: { label: 'Being deleted', color: 'pink' },
  deleted: { label: 'Deleted', color: 'red' },
} as const;

const RELATION = { creator: 'Created by you', host: 'Host', manager: 'Event manager' } as const;

function Events({ room }: { room: VcRoomSummary }) {
  if (!room.events.length && !room.hiddenEvents)
    return (
      <Text size="sm" c="dimmed">
        Not linked
      </Text>
    );
  return (
    <Group gap={6} wrap="wrap">
      {room.events.map((e) => (
        <Anchor
          key={e.id}
          component={Link}
          to={e.canManage ? `/event/${e.id}/manage/videoconference` : `/event/${e.id}`}
          size="sm"
        >
          {e.title}
        </Anchor>
      ))}
      {room.hiddenEvents > 0 && (
        <Text size="sm" c="dimmed">
          +{room.hiddenEvents} you may not see
        </Text>
      )}
    </Group>
  );
}

export function RoomListTable({
  list,
  label,
  withRelations,
  page,
  onPage,
}: {
  list: VcRoomList;
  label: string;
  withRelations: boolean;
  page: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <ScrollTable label={label} minWidth={860}>
        <Table striped verticalSpacing="sm" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Service</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Host</Table.Th>
              {withRelations ? <Table.Th>Yours as</Table.Th> : <Table.Th>Created by</Table.Th>}
              <Table.Th>Last change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((room) => (
              <Table.Tr key={room.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ProviderLogo provider={room.provider} size={20} />
                    <Text size="sm">{room.provider.displayName}</Text>
                  </Group>
                </Table.Td>
                <Table.Td fw={500}>{room.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS[room.status].color}>
                    {STATUS[room.status].label}
                  </Badge>
                  {room.deletionError && (
                    <Text size="xs" c="dimmed">
                      {room.deletionError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Events room={room} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{room.host ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {withRelations ? (
                    <Group gap={4}>
                      {room.relations.map((r) => (
                        <Badge key={r} variant="light" color="gray" size="sm">
                          {RELATION[r]}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm">{room.createdBy?.name ?? '—'}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatMoment(room.modifiedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          aria-label={`Pages of ${label.toLowerCase()}`}
        />
      )}
    </>
  );
}
