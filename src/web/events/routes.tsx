// The events feature's pages, mounted by app/router.tsx.
import './events.css';
import { Navigate, type RouteObject } from 'react-router';

import { BlockPage } from './components/block-page';
import { ContributionPage } from './components/contribution-page';
import { CreateEventPage } from './components/create-event-page';
import { EventPage } from './components/event-page';
import { MyEventsPage } from './components/my-events-page';
import { ClonePage } from './manage/clone-page';
import { DeletePage } from './manage/delete-page';
import { LogsPage } from './manage/logs-page';
import { ManageLayout, ManagePageRoute, RegisteredManagePage } from './manage/manage-layout';
import { ProtectionPage } from './manage/protection-page';
import { SettingsPage } from './manage/settings-page';
import { ManageTimetablePage } from './manage/timetable/timetable-page';

/** Pages for everyone: the event, its contributions and session blocks (the API decides who sees what). */
export const publicEventRoutes: RouteObject[] = [
  { path: 'event/:eventId', element: <EventPage /> },
  { path: 'event/:eventId/contributions/:contributionId', element: <ContributionPage /> },
  { path: 'event/:eventId/blocks/:blockId', element: <BlockPage /> },
];

/** Pages for logged-in users (placed under RequireUser by the router). */
export const userEventRoutes: RouteObject[] = [
  { path: 'my/events', element: <MyEventsPage /> },
  { path: 'events/new', element: <CreateEventPage /> },
  {
    path: 'event/:eventId/manage',
    element: <ManageLayout />,
    children: [
      { index: true, element: <Navigate to="settings" replace /> },
      { path: 'settings', element: <ManagePageRoute page={SettingsPage} /> },
      { path: 'timetable', element: <ManagePageRoute page={ManageTimetablePage} /> },
      { path: 'protection', element: <ManagePageRoute page={ProtectionPage} /> },
      { path: 'logs', element: <ManagePageRoute page={LogsPage} /> },
      { path: 'clone', element: <ManagePageRoute page={ClonePage} /> },
      { path: 'delete', element: <ManagePageRoute page={DeletePage} /> },
      // Pages other features registered with registerManageMenuEntry (see extension-slots.tsx).
      { path: ':section', element: <RegisteredManagePage /> },
    ],
  },
];
