import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Block, UpdateBlockBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

/** Sends the session block's `version`: a stale one gets 409 with the current session block in `details.current`. */
export const updateBlock = ({
  eventId,
  blockId,
  ...changes
}: UpdateBlockBody & { eventId: number; blockId: number }) =>
  api.patch<Block>(`/api/events/${eventId}/blocks/${blockId}`, changes);

export function useUpdateBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBlock,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
