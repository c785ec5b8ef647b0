import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CloneBody, ClonedEvent } from '../../../contracts/events';
import { api } from '../../lib/api';
import { EVENT_LISTS_KEY } from './keys';

export const cloneEvent = ({ eventId, ...input }: z.input<typeof CloneBody> & { eventId: number }) =>
  api.post<ClonedEvent>(`/api/events/${eventId}/clone`, input);

export function useCloneEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cloneEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVENT_LISTS_KEY }),
  });
}
