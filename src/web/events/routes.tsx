// The events feature's pages, mounted by app/router.tsx.
import './events.css';
import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { ManagePageProps } from './extension-slots';

// Each page is its own chunk, loaded when its route is first visited: a participant opening an event page
// does not download the management area, the timetable editor or the admin pages.

/** A management page, loaded on first visit and given the layout's event and payload as props. */
function managePage(path: string, load: () => Promise<ComponentType<ManagePageProps>>): RouteObject {
  return {
    path,
    lazy: async () => {
      const [Page, { ManagePageRoute }] = await Promise.all([load(), import('./manage/manage-layout')]);
      return { Component: () => <ManagePageRoute page={Page} /> };
    },
  };
}

/** Pages for everyone: the event, its contributions and session blocks (the API decides who sees what). */
export const publicEventRoutes: RouteObject[] = [
  {
    path: 'event/:eventId',
    lazy: async () => ({ Component: (await import('./components/event-page')).EventPage }),
  },
  {
    path: 'event/:eventId/contributions/:contributionId',
    lazy: async () => ({ Component: (await import('./components/contribution-page')).ContributionPage }),
  },
  {
    path: 'event/:eventId/blocks/:blockId',
    lazy: async () => ({ Component: (await import('./components/block-page')).BlockPage }),
  },
];

/** Pages for logged-in users (placed under RequireUser by the router). */
export const userEventRoutes: RouteObject[] = [
  {
    path: 'my/events',
    lazy: async () => ({ Component: (await import('./components/my-events-page')).MyEventsPage }),
  },
  {
    path: 'events/new',
    lazy: async () => ({ Component: (await import('./components/create-event-page')).CreateEventPage }),
  },
  {
    path: 'event/:eventId/manage',
    lazy: async () => ({ Component: (await import('./manage/manage-layout')).ManageLayout }),
    children: [
      { index: true, element: <Navigate to="settings" replace /> },
      managePage('settings', async () => (await import('./manage/settings-page')).SettingsPage),
      managePage(
        'timetable',
        async () => (await import('./manage/timetable/timetable-page')).ManageTimetablePage,
      ),
      managePage('protection', async () => (await import('./manage/protection-page')).ProtectionPage),
      managePage(
        'videoconference',
        async () => (await import('./manage/videoconference-placeholder')).VideoconferenceManagePage,
      ),
      managePage('logs', async () => (await import('./manage/logs-page')).LogsPage),
      managePage('clone', async () => (await import('./manage/clone-page')).ClonePage),
      managePage('delete', async () => (await import('./manage/delete-page')).DeletePage),
      // Pages other features registered with registerManageMenuEntry (see extension-slots.tsx).
      {
        path: ':section',
        lazy: async () => ({ Component: (await import('./manage/manage-layout')).RegisteredManagePage }),
      },
    ],
  },
];
