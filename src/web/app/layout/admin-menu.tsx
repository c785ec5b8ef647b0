import { Button, Menu } from '@mantine/core';
import { Link } from 'react-router';

/**
 * Administration, for admins only (the server checks too). Features add their entries here: the
 * videoconference module will add "Videoconference" (Zoom settings, all rooms) under its own label.
 */
export function AdminMenu() {
  return (
    <Menu position="bottom-end" width={220} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" color="gray">
          Administration
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Accounts</Menu.Label>
        <Menu.Item component={Link} to="/admin/users">
          Users
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/accounts">
          Sign-up and log-in
        </Menu.Item>
        <Menu.Label>Videoconference</Menu.Label>
        <Menu.Item component={Link} to="/admin/videoconference">
          All rooms
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/videoconference/zoom">
          Zoom settings
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
