import { Avatar, Box, Button, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../../../contracts/auth';
import { useLogout } from '../../auth/api/logout';
import { errorMessage } from '../../lib/api';
import { ADMIN_ENTRIES } from './admin-menu';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.[0] ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''}`.toUpperCase();
}

export function LoginButton() {
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const to =
    location.pathname === '/login'
      ? location
      : `/login${here === '/' ? '' : `?next=${encodeURIComponent(here)}`}`;
  return (
    <Button component={Link} to={to} variant="default">
      Log in
    </Button>
  );
}

export function UserMenu({ user }: { user: SessionUser }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/'),
      onError: (err) =>
        notifications.show({ color: 'red', title: 'Could not log out', message: errorMessage(err) }),
    });

  return (
    <Menu position="bottom-end" width={220} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        {/* Named by the user's name; Menu.Target adds aria-haspopup, so it is read as "…, menu button".
            On phones the header shows the avatar alone, and this menu takes the administration entries. */}
        <UnstyledButton p={4} style={{ borderRadius: 'var(--mantine-radius-md)' }} miw={44} mih={44}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden>
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} truncate maw={200} visibleFrom="sm">
              {user.name}
            </Text>
            {/* Its name on phones, where the avatar shows alone (a visible label must be part of the name). */}
            <VisuallyHidden hiddenFrom="sm">{user.name}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/my/events">
          My events
        </Menu.Item>
        <Menu.Item component={Link} to="/my/rooms">
          My rooms
        </Menu.Item>
        {user.isAdmin && (
          <Box hiddenFrom="sm">
            {ADMIN_ENTRIES.map((group) => (
              <Box key={group.label}>
                <Menu.Divider />
                <Menu.Label>Administration: {group.label}</Menu.Label>
                {group.items.map((item) => (
                  <Menu.Item key={item.to} component={Link} to={item.to}>
                    {item.label}
                  </Menu.Item>
                ))}
              </Box>
            ))}
          </Box>
        )}
        <Menu.Divider />
        <Menu.Item onClick={onLogout} disabled={logout.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
