import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const deleteBlock = ({
  eventId,
  blockId,
  version,
}: {
  eventId: number;
  blockId: number;
  version: number;
}) => api.delete<void>(`/api/events/${eventId}/blocks/${blockId}${queryString({ version })}`);

export function useDeleteBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBlock,
    // After a 409 too: the list on screen is stale either way.
    onSettled: (_, __, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
