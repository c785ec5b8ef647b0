import type { App, AppDeps } from '../http/types';
import { registerOidcRoutes } from './oidc/routes';
import { registerAdminUserRoutes } from './routes-admin';
import { registerLifecycleRoutes } from './routes-lifecycle';
import { registerProfileRoutes } from './routes-profile';
import { registerSessionRoutes } from './routes-session';

/** Accounts: session, setup, login and logout, the profile, the user picker and user administration. */
export function registerAuthRoutes(app: App, deps: AppDeps): void {
  registerSessionRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerAdminUserRoutes(app, deps);
  registerOidcRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
}
