import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Contribution, CreateContributionBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const createContribution = ({
  eventId,
  ...input
}: z.input<typeof CreateContributionBody> & { eventId: number }) =>
  api.post<Contribution>(`/api/events/${eventId}/contributions`, input);

export function useCreateContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContribution,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
