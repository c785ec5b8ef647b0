import { Anchor, AppShell, Center, Container, Group, Loader } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useSession } from '../../auth/api/get-session';
import { SetupPage } from '../../auth/components/setup-page';
import { ErrorState } from '../../components/error-page';
import { AdminMenu } from './admin-menu';
import { Logo } from './logo';
import { SandboxBanner } from './sandbox-banner';
import { LoginButton, UserMenu } from './user-menu';

/** Header, navigation and main region around every page; the first-run setup replaces any page. */
export function AppLayout() {
  const session = useSession();
  const user = session.data?.user ?? null;

  let content: React.ReactNode;
  if (session.isPending) {
    content = (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  } else if (session.isError) {
    content = <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  } else if (session.data.needsSetup) {
    content = <SetupPage />;
  } else {
    content = <Outlet />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SandboxBanner />
      <AppShell header={{ height: 60 }} padding="md" mode="static">
        <AppShell.Header>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap">
              <Anchor component={Link} to="/" underline="never" aria-label="Convene, home page">
                <Logo />
              </Anchor>
              {session.data && !session.data.needsSetup && (
                <Group component="nav" aria-label="Account" gap="sm" wrap="nowrap">
                  {user?.isAdmin && <AdminMenu />}
                  {user ? <UserMenu user={user} /> : <LoginButton />}
                </Group>
              )}
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main id="main" tabIndex={-1} className="app-main">
          <Container size="lg" pb="xl">
            {content}
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
