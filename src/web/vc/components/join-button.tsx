import { Button, type ButtonProps } from '@mantine/core';
import type { VcDetails } from '../../../contracts/vc';
import { useCurrentUser } from '../../auth/api/get-session';

/**
 * Join goes through the server's join route (/event/:id/vc/:roomId/join), which checks the viewer again
 * and redirects to the provider; a provider that wants a login gets "Log in to join" for visitors.
 */
export function JoinButton({
  details,
  roomName,
  size = 'sm',
}: {
  details: VcDetails;
  roomName: string;
  size?: ButtonProps['size'];
}) {
  const user = useCurrentUser();
  if (!details.joinPath) return null;
  if (details.loginRequired && !user) {
    return (
      <Button
        component="a"
        href={`/login?next=${encodeURIComponent(details.joinPath)}`}
        variant="light"
        size={size}
      >
        Log in to join
      </Button>
    );
  }
  return (
    <Button
      component="a"
      href={details.joinPath}
      target="_blank"
      rel="noopener"
      size={size}
      aria-label={`Join ${roomName}`}
    >
      Join
    </Button>
  );
}
