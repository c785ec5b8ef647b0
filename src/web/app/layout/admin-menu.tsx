import { Button, Menu } from '@mantine/core';
import { Link } from 'react-router';

/** The administration pages, by group; the header's menu on wide screens, the user menu's end on phones. */
export const ADMIN_ENTRIES: Array<{ label: string; items: Array<{ label: string; to: string }> }> = [
  { label: 'Accounts', items: [{ label: 'Users', to: '/admin/users' }] },
  {
    label: 'Videoconference',
    items: [
      { label: 'All rooms', to: '/admin/videoconference' },
      { label: 'Zoom settings', to: '/admin/videoconference/zoom' },
    ],
  },
];

/** Administration, for admins only (the server checks too); hidden on phones, where the user menu has it. */
export function AdminMenu() {
  return (
    <Menu position="bottom-end" width={220} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" color="gray" visibleFrom="sm">
          Administration
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {ADMIN_ENTRIES.map((group) => [
          <Menu.Label key={group.label}>{group.label}</Menu.Label>,
          ...group.items.map((item) => (
            <Menu.Item key={item.to} component={Link} to={item.to}>
              {item.label}
            </Menu.Item>
          )),
        ])}
      </Menu.Dropdown>
    </Menu>
  );
}
