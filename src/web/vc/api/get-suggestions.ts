import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VcSuggestions } from '../../../contracts/vc';
import { api, queryString } from '../../lib/api';

export const getSuggestions = (eventId: number, provider: string, q: string) =>
  api.get<VcSuggestions>(`/api/events/${eventId}/vc/suggestions${queryString({ provider, q })}`);

/** Rooms this user may add to the event whose name (or provider key) matches what they typed. */
export function useSuggestions(eventId: number, provider: string, q: string) {
  return useQuery({
    queryKey: ['vc', 'suggestions', eventId, provider, q],
    queryFn: () => getSuggestions(eventId, provider, q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
