import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ZoomStatus } from '../../../contracts/vc-zoom';
import { api } from '../../lib/api';

export const getZoomStatus = () => api.get<ZoomStatus>('/api/vc/zoom/status');

export const zoomStatusQueryOptions = () =>
  queryOptions({
    queryKey: ['vc', 'zoom', 'status'],
    queryFn: getZoomStatus,
    // Another administrator may switch between the sandbox and Zoom at any time (no restart).
    staleTime: 60_000,
  });

export const useZoomStatus = () => useQuery(zoomStatusQueryOptions());
