// The Zoom box of /admin/videoconference: where Convene meets Zoom, and the way to its settings page.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useZoomStatus } from '../get-zoom-status';

export function ZoomAdminPanel() {
  const status = useZoomStatus();
  return (
    <>
      <Text size="sm">
        {status.data?.mode === 'sandbox'
          ? 'No Zoom credentials are configured: meetings are made in the built-in Zoom sandbox, where nobody can really meet.'
          : 'Organisers create Zoom meetings for their events and participants join them.'}
      </Text>
      <Anchor component={Link} to="/admin/videoconference/zoom" size="sm">
        Zoom settings: credentials, who may create rooms, room defaults
      </Anchor>
    </>
  );
}
