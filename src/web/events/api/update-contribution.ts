import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contribution, UpdateContributionBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

/** Sends the contribution's `version`: a stale one gets 409 with the current contribution in `details.current`. */
export const updateContribution = ({
  eventId,
  contributionId,
  ...changes
}: UpdateContributionBody & { eventId: number; contributionId: number }) =>
  api.patch<Contribution>(`/api/events/${eventId}/contributions/${contributionId}`, changes);

export function useUpdateContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateContribution,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
