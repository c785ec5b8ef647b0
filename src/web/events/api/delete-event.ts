import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import { EVENT_LISTS_KEY, eventKey } from './keys';

export const deleteEvent = ({ eventId, version }: { eventId: number; version: number }) =>
  api.delete<void>(`/api/events/${eventId}${queryString({ version })}`);

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvent,
    onSuccess: (_, { eventId }) => {
      // The event is gone: drop its queries rather than refetch them into 404s.
      queryClient.removeQueries({ queryKey: eventKey(eventId) });
      return queryClient.invalidateQueries({ queryKey: EVENT_LISTS_KEY });
    },
  });
}
