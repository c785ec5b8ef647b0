import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/api/get-session';
import { useMyEvents } from '../api/get-my-events';

/** "Create event", for logged-in users the server allows to create (`can.create` of /api/my/events). */
export function CreateEventButton() {
  const user = useCurrentUser();
  const mine = useMyEvents(1, { enabled: Boolean(user) });
  if (!user || !mine.data?.can.create) return null;
  return (
    <Button component={Link} to="/events/new">
      Create event
    </Button>
  );
}
