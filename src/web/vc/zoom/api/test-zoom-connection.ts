import { useMutation } from '@tanstack/react-query';
import type { TestZoomConnectionRequest, TestZoomConnectionResult } from '../../../../contracts/vc-zoom';
import { api } from '../../../lib/api';

export const testZoomConnection = (input: TestZoomConnectionRequest) =>
  api.post<TestZoomConnectionResult>('/api/admin/vc/zoom/test-connection', input);

export const useTestZoomConnection = () => useMutation({ mutationFn: testZoomConnection });
