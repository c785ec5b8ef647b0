// /admin/videoconference: the services of this server and every room on it.
import { Alert, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { VcStatus } from '../../../contracts/vc';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useAdminRooms } from '../api/get-room-lists';
import { webProviders } from '../providers';
import { RoomListTable } from './room-list-table';

const STATUSES: Array<{ value: VcStatus; label: string }> = [
  { value: 'created', label: 'Active' },
  { value: 'deleting', label: 'Being deleted' },
  { value: 'deleted', label: 'Deleted' },
];

export function VcAdminPage() {
  usePageTitle('Videoconference');
  const [provider, setProvider] = useState('');
  const [status, setStatus] = useState<VcStatus | ''>('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const rooms = useAdminRooms({ provider, status, q, page });
  const providers = rooms.data?.providers ?? [];
  const settings = webProviders().filter((p) => p.AdminSettings);

  return (
    <Stack py="md" gap="lg">
      <Title order={1}>Videoconference</Title>
      <Stack gap="sm" component="section" aria-labelledby="vc-services">
        <Title order={2} id="vc-services" fz="h3">
          Services
        </Title>
        {settings.map((p) => {
          const Settings = p.AdminSettings;
          const name = providers.find((r) => r.name === p.name)?.displayName ?? p.name;
          return (
            Settings && (
              <Paper key={p.name} withBorder p="md" radius="md">
                <Stack gap="xs">
                  <Title order={3} fz="h4">
                    {name}
                  </Title>
                  <Settings />
                </Stack>
              </Paper>
            )
          );
        })}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="vc-all-rooms">
        <Title order={2} id="vc-all-rooms" fz="h3">
          All rooms
        </Title>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Search"
            description="By name, or by the service's number"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={280}
          />
          <Select
            label="Service"
            placeholder="All services"
            clearable
            data={providers.map((p) => ({ value: p.name, label: p.displayName }))}
            value={provider || null}
            onChange={(v) => {
              setProvider(v ?? '');
              setPage(1);
            }}
            w={200}
          />
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={STATUSES}
            value={status || null}
            onChange={(v) => {
              setStatus((STATUSES.find((s) => s.value === v)?.value ?? '') as VcStatus | '');
              setPage(1);
            }}
            w={180}
          />
        </Group>
        {rooms.isError && (
          <Alert color="red" role="alert" title="The rooms could not be loaded">
            {errorMessage(rooms.error)}
          </Alert>
        )}
        {rooms.data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {rooms.data.total === 1 ? '1 room' : `${rooms.data.total} rooms`}
            </Text>
            <RoomListTable
              list={rooms.data}
              label="Rooms"
              withRelations={false}
              page={page}
              onPage={setPage}
            />
          </>
        )}
      </Stack>
    </Stack>
  );
}
