import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Profile } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { profileQueryOptions } from './get-profile';

export const removeEmail = (id: number) => api.delete<Profile>(`/api/me/emails/${id}`);

export function useRemoveEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeEmail,
    onSuccess: (profile) => queryClient.setQueryData(profileQueryOptions().queryKey, profile),
  });
}
