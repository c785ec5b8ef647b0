import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const deleteSession = ({
  eventId,
  sessionId,
  version,
}: {
  eventId: number;
  sessionId: number;
  version: number;
}) => api.delete<void>(`/api/events/${eventId}/sessions/${sessionId}${queryString({ version })}`);

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    // After a 409 too: the list on screen is stale either way.
    onSettled: (_, __, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
