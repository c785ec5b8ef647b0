import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminUser } from '../../../contracts/auth';
import { errorMessage } from '../../lib/api';
import { useRemoveIdentity, useUserIdentities } from '../api/identity-admin';

/** The identity-provider accounts linked to a user, each with a button to unlink it. */
export function IdentitiesModal({
  user,
  opened,
  onClose,
}: {
  user: AdminUser;
  opened: boolean;
  onClose: () => void;
}) {
  const identities = useUserIdentities(user.id, opened);
  const remove = useRemoveIdentity(user.id);
  const list = identities.data?.identities ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={`Linked identities of ${user.name}`} size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          Unlinking does not block anybody: the next login through that provider links again only when the
          provider confirms one of this account’s e-mail addresses, and otherwise creates a new account.
        </Text>
        {identities.isPending && <Loader size="sm" aria-label="Loading the identities" />}
        {identities.isError && (
          <Alert color="red" role="alert">
            {errorMessage(identities.error)}
          </Alert>
        )}
        {identities.data && list.length === 0 && (
          <Text>No identity is linked: this account logs in with a password.</Text>
        )}
        {list.length > 0 && (
          <Table aria-label={`Linked identities of ${user.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Username</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Last login</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((identity) => (
                <Table.Tr key={identity.id}>
                  <Table.Td>{identity.providerName}</Table.Td>
                  <Table.Td>{identity.username || identity.subject}</Table.Td>
                  <Table.Td>{identity.email}</Table.Td>
                  <Table.Td>
                    {identity.lastLoginAt ? new Date(identity.lastLoginAt).toLocaleString() : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === identity.id}
                        aria-label={`Unlink the ${identity.providerName} identity ${identity.username || identity.subject}`}
                        onClick={() =>
                          remove.mutate(identity.id, {
                            onSuccess: () =>
                              notifications.show({
                                color: 'green',
                                message: `The ${identity.providerName} identity was unlinked.`,
                              }),
                            onError: (err) =>
                              notifications.show({
                                color: 'red',
                                title: 'Not unlinked',
                                message: errorMessage(err),
                              }),
                          })
                        }
                      >
                        Unlink
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
