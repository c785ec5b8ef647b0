import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { AdminUser } from '../../../contracts/auth';
import { errorMessage } from '../../lib/api';
import { useUpdateUser } from '../api/update-user';
import { IdentitiesModal } from './identities-modal';

/** The user's linked identity-provider accounts, in a dialog (an admin may look at their own too). */
function IdentitiesButton({ user }: { user: AdminUser }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={open} aria-label={`Linked identities of ${user.name}`}>
        Identities
      </Button>
      <IdentitiesModal user={user} opened={opened} onClose={close} />
    </>
  );
}

/** Grant or revoke admin rights, block or unblock; an admin gets no buttons for themselves. */
export function UserActions({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const update = useUpdateUser();
  if (isSelf) {
    return (
      <Text size="sm" c="dimmed" ta="right">
        This is you
      </Text>
    );
  }
  const run = (changes: { isAdmin?: boolean; isBlocked?: boolean }, done: string) =>
    update.mutate(
      { id: user.id, ...changes },
      {
        onSuccess: () => notifications.show({ color: 'green', message: done }),
        onError: (err) =>
          notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(err) }),
      },
    );

  const toggleAdmin = () =>
    user.isAdmin
      ? run({ isAdmin: false }, `${user.name} is no longer an administrator.`)
      : modals.openConfirmModal({
          title: `Make ${user.name} an administrator?`,
          children: <Text size="sm">Administrators manage all users and the server’s settings.</Text>,
          labels: { confirm: 'Grant admin rights', cancel: 'Cancel' },
          onConfirm: () => run({ isAdmin: true }, `${user.name} is now an administrator.`),
        });

  const toggleBlock = () =>
    user.isBlocked
      ? run({ isBlocked: false }, `${user.name} can log in again.`)
      : modals.openConfirmModal({
          title: `Block ${user.name}?`,
          children: <Text size="sm">They are logged out at once and can no longer log in.</Text>,
          labels: { confirm: 'Block', cancel: 'Cancel' },
          confirmProps: { color: 'red' },
          onConfirm: () => run({ isBlocked: true }, `${user.name} is blocked.`),
        });

  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <IdentitiesButton user={user} />
      <Button
        size="xs"
        variant="default"
        onClick={toggleAdmin}
        disabled={update.isPending}
        aria-label={`${user.isAdmin ? 'Revoke admin rights of' : 'Grant admin rights to'} ${user.name}`}
      >
        {user.isAdmin ? 'Revoke admin' : 'Grant admin'}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color={user.isBlocked ? 'gray' : 'red'}
        onClick={toggleBlock}
        disabled={update.isPending}
        aria-label={`${user.isBlocked ? 'Unblock' : 'Block'} ${user.name}`}
      >
        {user.isBlocked ? 'Unblock' : 'Block'}
      </Button>
    </Group>
  );
}
