import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/api/get-session';
import { ScrollTable } from '../../components/scroll-table';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useUsers } from '../api/get-users';
import { CreateUserForm } from './create-user-form';
import { UserActions } from './user-actions';

export function UsersPage() {
  usePageTitle('Users');
  const me = useCurrentUser();
  // The search and the page live in the address, so that reload, back and shared links keep them.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [q] = useDebouncedValue(search.trim(), 250);
  const setPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (p > 1) next.set('page', String(p));
      else next.delete('page');
      return next;
    });
  const setSearch = (value: string) => setParams(value ? { q: value } : {}, { replace: true }); // a new search starts at page 1
  const users = useUsers(q, page);
  const [creating, { open, close }] = useDisclosure(false);
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;

  return (
    <Stack py="md" gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Users</Title>
        <Button onClick={open}>Create user</Button>
      </Group>
      <TextInput
        label="Search users"
        description="By name or by any e-mail address"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {users.isError && (
        <Alert color="red" role="alert" title="The users could not be loaded">
          {errorMessage(users.error)}
        </Alert>
      )}
      {users.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {users.data.total === 1 ? '1 user' : `${users.data.total} users`}
            {q ? ` matching “${q}”` : ''}
          </Text>
          <Paper withBorder>
            <ScrollTable label="Users" minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>E-mail</Table.Th>
                    <Table.Th>Affiliation</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.users.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td fw={500}>{user.name}</Table.Td>
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td>{user.affiliation}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {user.isAdmin && <Badge variant="light">Admin</Badge>}
                          {user.isBlocked && (
                            <Badge variant="light" color="red">
                              Blocked
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <UserActions user={user} isSelf={user.id === me?.id} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {users.data.users.length === 0 && <Text p="md">No user matches this search.</Text>}
          </Paper>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              aria-label="Pages of users"
            />
          )}
        </>
      )}
      <Modal opened={creating} onClose={close} title="Create user" centered>
        <CreateUserForm
          onCancel={close}
          onCreated={(user) => {
            close();
            notifications.show({ color: 'green', message: `${user.name} can now log in as ${user.email}.` });
          }}
        />
      </Modal>
    </Stack>
  );
}
