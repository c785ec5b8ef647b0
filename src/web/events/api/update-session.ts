import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session, UpdateSessionBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

/** Sends the session's `version`: a stale one gets 409 with the current session in `details.current`. */
export const updateSession = ({
  eventId,
  sessionId,
  ...changes
}: UpdateSessionBody & { eventId: number; sessionId: number }) =>
  api.patch<Session>(`/api/events/${eventId}/sessions/${sessionId}`, changes);

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
