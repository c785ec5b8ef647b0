import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Profile } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';
import { profileQueryOptions } from './get-profile';

export const makeEmailPrimary = (id: number) => api.post<Profile>(`/api/me/emails/${id}/primary`);

export function useMakeEmailPrimary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeEmailPrimary,
    onSuccess: (profile) => {
      queryClient.setQueryData(profileQueryOptions().queryKey, profile);
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
