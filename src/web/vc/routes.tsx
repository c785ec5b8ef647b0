// The videoconference module's pages, mounted by app/router.tsx.
import './vc.css';
import type { RouteObject } from 'react-router';
import { VcAdminPage } from './components/admin-page';
import { VcEventRoomsPage } from './components/event-rooms-page';
import { MyRoomsPage } from './components/my-rooms-page';

// Services → Videoconference lives in the events feature's management area: register.tsx registers
// components/manage-page.tsx there.

/** For everyone (the API decides who sees what). */
export const vcPublicRoutes: RouteObject[] = [
  { path: 'event/:eventId/videoconference', element: <VcEventRoomsPage /> },
];

/** For logged-in users. */
export const vcUserRoutes: RouteObject[] = [{ path: 'my/rooms', element: <MyRoomsPage /> }];

/** Under /admin, for administrators. */
export const vcAdminRoutes: RouteObject[] = [{ path: 'videoconference', element: <VcAdminPage /> }];
