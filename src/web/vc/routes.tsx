// The videoconference module's pages, mounted by app/router.tsx.
import './vc.css';
import type { RouteObject } from 'react-router';
import { useParams } from 'react-router';
import { VcAdminPage } from './components/admin-page';
import { VcEventRoomsPage } from './components/event-rooms-page';
import { VcManagePage } from './components/manage-page';
import { MyRoomsPage } from './components/my-rooms-page';

/** Services → Videoconference on its own, until the events feature's management area hosts it. */
function StandaloneManagePage() {
  const eventId = Number(useParams().eventId);
  return <VcManagePage event={{ id: eventId, title: '' }} />;
}

/** For everyone (the API decides who sees what). */
export const vcPublicRoutes: RouteObject[] = [
  { path: 'event/:eventId/videoconference', element: <VcEventRoomsPage /> },
];

/** For logged-in users. */
export const vcUserRoutes: RouteObject[] = [
  { path: 'my/rooms', element: <MyRoomsPage /> },
  { path: 'event/:eventId/manage/videoconference', element: <StandaloneManagePage /> },
];

/** Under /admin, for administrators. */
export const vcAdminRoutes: RouteObject[] = [{ path: 'videoconference', element: <VcAdminPage /> }];
