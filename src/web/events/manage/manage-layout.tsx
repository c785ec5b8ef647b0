import { Anchor, Box, Grid, NavLink, Paper, Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { useEventPage } from '../api/get-event-page';
import { EventLoadError, NotAManagerPage, PageLoader, parseId } from '../components/load-states';
import { type ManagePageProps, useManageMenuEntries } from '../extension-slots';

interface MenuItem {
  label: string;
  path: string;
}

const EVENT_ITEMS: MenuItem[] = [
  { label: 'Settings', path: 'settings' },
  { label: 'Timetable', path: 'timetable' },
  { label: 'Protection', path: 'protection' },
];
const ADVANCED_ITEMS: MenuItem[] = [
  { label: 'Logs', path: 'logs' },
  { label: 'Clone', path: 'clone' },
  { label: 'Delete', path: 'delete' },
];

/** The management pages' shared data: the event and the display payload it came with. */
export function useManageContext(): ManagePageProps {
  return useOutletContext<ManagePageProps>();
}

function MenuGroup({ title, items, eventId }: { title: string; items: MenuItem[]; eventId: number }) {
  const { pathname } = useLocation();
  const base = `/event/${eventId}/manage`;
  return (
    <Box>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4}>
        {title}
      </Text>
      {items.map((item) => {
        const to = `${base}/${item.path}`;
        const active = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={item.path}
            component={Link}
            to={to}
            label={item.label}
            active={active}
            // Filled: white on indigo passes AA contrast; the light variant's tint does not.
            variant="filled"
            aria-current={active ? 'page' : undefined}
          />
        );
      })}
    </Box>
  );
}

function ManageMenu({ eventId }: { eventId: number }) {
  const registered = useManageMenuEntries();
  const groups = new Map<string, MenuItem[]>([['Event', EVENT_ITEMS]]);
  for (const entry of registered) {
    const list = groups.get(entry.group) ?? [];
    list.push({ label: entry.label, path: entry.path });
    groups.set(entry.group, list);
  }
  const advanced = [...(groups.get('Advanced') ?? []), ...ADVANCED_ITEMS];
  groups.delete('Advanced');
  return (
    <Paper withBorder component="nav" aria-label="Event management" pb="xs">
      {[...groups].map(([title, items]) => (
        <MenuGroup key={title} title={title} items={items} eventId={eventId} />
      ))}
      <MenuGroup title="Advanced" items={advanced} eventId={eventId} />
    </Paper>
  );
}

/**
 * /event/:eventId/manage/*: managers and administrators only. It loads the same display payload as the
 * event page (which says `can.manage`) and hands it to the pages through the outlet context.
 */
export function ManageLayout() {
  const eventId = parseId(useParams().eventId);
  if (eventId === undefined) return <NotFoundPage />;
  return <ManageLayoutFor eventId={eventId} />;
}

function ManageLayoutFor({ eventId }: { eventId: number }) {
  const query = useEventPage(eventId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <EventLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const payload = query.data;
  if (!payload.event.can.manage) return <NotAManagerPage eventId={eventId} title={payload.event.title} />;
  const context: ManagePageProps = { event: payload.event, payload };
  return (
    <Stack py="md" gap="md">
      <Text size="sm">
        Managing{' '}
        <Anchor component={Link} to={`/event/${eventId}`} fw={600}>
          {payload.event.title}
        </Anchor>
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <ManageMenu eventId={eventId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <Outlet context={context} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Renders a management page with the event and payload of the layout as props. */
export function ManagePageRoute({ page: Page }: { page: ComponentType<ManagePageProps> }) {
  const context = useManageContext();
  return <Page {...context} />;
}

/** A page another feature registered with registerManageMenuEntry, found by its path. */
export function RegisteredManagePage() {
  const { section } = useParams();
  const entries = useManageMenuEntries();
  const context = useManageContext();
  const entry = entries.find((e) => e.path === section);
  if (!entry) return <NotFoundPage />;
  const Page = entry.component;
  return <Page {...context} />;
}
