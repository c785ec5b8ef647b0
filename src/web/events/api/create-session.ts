import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateSessionBody, Session } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const createSession = ({
  eventId,
  ...input
}: z.input<typeof CreateSessionBody> & { eventId: number }) =>
  api.post<Session>(`/api/events/${eventId}/sessions`, input);

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
