import { useQuery } from '@tanstack/react-query';
import type { VcTargets } from '../../../contracts/vc';
import { api } from '../../lib/api';

export const getTargets = (eventId: number) => api.get<VcTargets>(`/api/events/${eventId}/vc/targets`);

/** What a room can be linked to in this event (for the target pickers). */
export function useTargets(eventId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['vc', 'targets', eventId],
    queryFn: () => getTargets(eventId),
    enabled,
    staleTime: 0,
  });
}
