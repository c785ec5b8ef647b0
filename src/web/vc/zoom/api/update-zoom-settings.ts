import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateZoomSettingsRequest, ZoomAdminSettings } from '../../../../contracts/vc-zoom';
import { apiRequest } from '../../../lib/api';
import { zoomStatusQueryOptions } from '../get-zoom-status';
import { ZOOM_SETTINGS_KEY } from './get-zoom-settings';

export const updateZoomSettings = (input: UpdateZoomSettingsRequest) =>
  apiRequest<ZoomAdminSettings>('PUT', '/api/admin/vc/zoom/settings', input);

export function useUpdateZoomSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateZoomSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(ZOOM_SETTINGS_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: zoomStatusQueryOptions().queryKey });
    },
  });
}
