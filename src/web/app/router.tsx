import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AccountsSettingsPage } from '../admin/components/accounts-settings-page';
import { UsersPage } from '../admin/components/users-page';
import {
  InvitationPage,
  PasswordResetConfirmPage,
  PasswordResetPage,
  SignupConfirmPage,
  SignupPage,
} from '../auth/components/account-pages';
import { LoginPage } from '../auth/components/login-page';
import { publicEventRoutes, userEventRoutes } from '../events/routes';
import { HomePage } from '../home/home-page';
import { ProfilePage } from '../profile/components/profile-page';
import { vcAdminRoutes, vcPublicRoutes, vcUserRoutes } from '../vc/routes';
import { ZoomAdminSettingsPage } from '../vc/zoom/admin-settings-page';
import './extensions';
import { RootErrorPage, RouteErrorPage } from '../components/error-page';
import { NotFoundPage } from '../components/not-found-page';
import { AppLayout } from './layout/app-layout';
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
          { path: 'signup', element: <SignupPage /> },
          { path: 'signup/confirm', element: <SignupConfirmPage /> },
          { path: 'password-reset', element: <PasswordResetPage /> },
          { path: 'password-reset/confirm', element: <PasswordResetConfirmPage /> },
          { path: 'invitation', element: <InvitationPage /> },
          ...publicEventRoutes,
          ...vcPublicRoutes,
          {
            element: <RequireUser />,
            children: [{ path: 'profile', element: <ProfilePage /> }, ...userEventRoutes, ...vcUserRoutes],
          },
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              { path: 'users', element: <UsersPage /> },
              { path: 'accounts', element: <AccountsSettingsPage /> },
              { path: 'videoconference/zoom', element: <ZoomAdminSettingsPage /> },
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
