import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ZoomAdminSettings } from '../../../../contracts/vc-zoom';
import { api } from '../../../lib/api';

export const ZOOM_SETTINGS_KEY = ['admin', 'vc', 'zoom', 'settings'] as const;

export const getZoomSettings = () => api.get<ZoomAdminSettings>('/api/admin/vc/zoom/settings');

export const zoomSettingsQueryOptions = () =>
  queryOptions({ queryKey: ZOOM_SETTINGS_KEY, queryFn: getZoomSettings });

export const useZoomSettings = () => useQuery(zoomSettingsQueryOptions());
