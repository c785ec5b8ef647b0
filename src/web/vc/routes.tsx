// The videoconference module's pages, mounted by app/router.tsx.
import './vc.css';
import type { RouteObject } from 'react-router';

// Services → Videoconference lives in the events feature's management area
// (events/manage/videoconference-placeholder.tsx renders components/manage-page.tsx).

/** For everyone (the API decides who sees what). */
export const vcPublicRoutes: RouteObject[] = [
  {
    path: 'event/:eventId/videoconference',
    lazy: async () => ({ Component: (await import('./components/event-rooms-page')).VcEventRoomsPage }),
  },
];

/** For logged-in users. */
export const vcUserRoutes: RouteObject[] = [
  {
    path: 'my/rooms',
    lazy: async () => ({ Component: (await import('./components/my-rooms-page')).MyRoomsPage }),
  },
];

/** Under /admin, for administrators. */
export const vcAdminRoutes: RouteObject[] = [
  {
    path: 'videoconference',
    lazy: async () => ({ Component: (await import('./components/admin-page')).VcAdminPage }),
  },
];
