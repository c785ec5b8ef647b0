import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Protection, UpdateProtectionBody } from '../../../contracts/events';
import { apiRequest } from '../../lib/api';
import { protectionQueryOptions } from './get-protection';
import { invalidateEvent } from './invalidate';

/** Protection shares the event's `version`: editing either bumps it. */
export const updateProtection = ({ eventId, ...changes }: UpdateProtectionBody & { eventId: number }) =>
  apiRequest<Protection>('PUT', `/api/events/${eventId}/protection`, changes);

export function useUpdateProtection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProtection,
    onSuccess: (protection, { eventId }) => {
      queryClient.setQueryData(protectionQueryOptions(eventId).queryKey, protection);
      return invalidateEvent(queryClient, eventId);
    },
  });
}
