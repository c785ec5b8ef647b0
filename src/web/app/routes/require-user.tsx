import { Stack, Text, Title } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../../auth/api/get-session';
import { usePageTitle } from '../../lib/use-page-title';

/** Pages for logged-in users: anybody else goes to the login page, and comes back here after. */
export function RequireUser() {
  const user = useCurrentUser();
  const location = useLocation();
  if (user === undefined) return null;
  if (user === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}

function NotAllowed() {
  usePageTitle('Not allowed');
  return (
    <Stack py="xl">
      <Title order={1}>Not allowed</Title>
      <Text>Only administrators may see this page.</Text>
    </Stack>
  );
}

/** Pages for administrators; the server checks each request as well, this only spares a useless page. */
export function RequireAdmin() {
  const user = useCurrentUser();
  const location = useLocation();
  if (user === undefined) return null;
  if (user === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return user.isAdmin ? <Outlet /> : <NotAllowed />;
}
