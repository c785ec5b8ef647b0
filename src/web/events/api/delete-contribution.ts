import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const deleteContribution = ({
  eventId,
  contributionId,
  version,
}: {
  eventId: number;
  contributionId: number;
  version: number;
}) => api.delete<void>(`/api/events/${eventId}/contributions/${contributionId}${queryString({ version })}`);

export function useDeleteContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteContribution,
    // After a 409 too: the list on screen is stale either way.
    onSettled: (_, __, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
