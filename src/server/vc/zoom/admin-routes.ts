// The administrator's Zoom settings: read, replace (credentials write-only) and test the connection.
import {
  TestZoomConnectionRequest,
  TestZoomConnectionResult,
  UpdateZoomSettingsRequest,
  ZoomAdminSettings,
} from '../../../contracts/vc-zoom';
import { requireAdmin } from '../../auth/guards';
import { errorResponses, WRITE_ERRORS } from '../../http/responses';
import type { App, AppDeps } from '../../http/types';
import { testZoomConnection } from './connection-check';
import type { ZoomRuntime } from './runtime';
import { getZoomAdminSettings, updateZoomSettings } from './settings';

const BASE = '/api/admin/vc/zoom';

export function registerZoomAdminRoutes(app: App, deps: AppDeps, runtime: ZoomRuntime): void {
  const tags = ['admin', 'zoom'];

  app.get(
    `${BASE}/settings`,
    {
      schema: {
        tags,
        summary: 'The Zoom settings; of the credentials only whether each is set, and by whom',
        response: { 200: ZoomAdminSettings, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return getZoomAdminSettings(deps, runtime);
    },
  );

  app.put(
    `${BASE}/settings`,
    {
      schema: {
        tags,
        summary: 'Replace the Zoom settings; a credential changes only when given (null removes it)',
        body: UpdateZoomSettingsRequest,
        response: { 200: ZoomAdminSettings, ...errorResponses(...WRITE_ERRORS, 401) },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      const change = await updateZoomSettings(deps, request.body);
      // There is no server-wide log: the request log keeps who changed what; credentials by name only.
      if (change.settings.length || change.credentials.length)
        request.log.info({ adminId: admin.id, zoomSettingsChanged: change }, 'Zoom settings changed');
      return getZoomAdminSettings(deps, runtime);
    },
  );

  app.post(
    `${BASE}/test-connection`,
    {
      schema: {
        tags,
        summary: 'Fetch a fresh Zoom token and report its API URL and missing scopes',
        body: TestZoomConnectionRequest,
        response: { 200: TestZoomConnectionResult, ...errorResponses(...WRITE_ERRORS, 401) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return testZoomConnection(deps, runtime, request.body);
    },
  );
}
