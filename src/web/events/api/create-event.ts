import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEventBody, Event } from '../../../contracts/events';
import { api } from '../../lib/api';
import { EVENT_LISTS_KEY } from './keys';

export const createEvent = (input: CreateEventBody) => api.post<Event>('/api/events', input);

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVENT_LISTS_KEY }),
  });
}
