import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { LoginPage } from '../auth/components/login-page';
import { publicEventRoutes, userEventRoutes } from '../events/routes';
import { HomePage } from '../home/home-page';
import { vcAdminRoutes, vcPublicRoutes, vcUserRoutes } from '../vc/routes';
import './extensions';
import { AppLayout } from './layout/app-layout';
import { RootErrorPage, RouteErrorPage } from './routes/error-page';
import { NotFoundPage } from './routes/not-found-page';
import { RequireAdmin, RequireUser } from './routes/require-user';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          ...publicEventRoutes,
          ...vcPublicRoutes,
          {
            element: <RequireUser />,
            children: [
              {
                path: 'profile',
                lazy: async () => ({
                  Component: (await import('../profile/components/profile-page')).ProfilePage,
                }),
              },
              ...userEventRoutes,
              ...vcUserRoutes,
            ],
          },
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              {
                path: 'users',
                lazy: async () => ({ Component: (await import('../admin/components/users-page')).UsersPage }),
              },
              {
                path: 'videoconference/zoom',
                lazy: async () => ({
                  Component: (await import('../vc/zoom/admin-settings-page')).ZoomAdminSettingsPage,
                }),
              },
              ...vcAdminRoutes,
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
