import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Event, UpdateEventBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const updateEvent = ({ eventId, ...changes }: UpdateEventBody & { eventId: number }) =>
  api.patch<Event>(`/api/events/${eventId}`, changes);

export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEvent,
    onSuccess: (event) => invalidateEvent(queryClient, event.id),
  });
}
