import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddEmailRequest, Profile } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { profileQueryOptions } from './get-profile';

export const addEmail = (input: AddEmailRequest) => api.post<Profile>('/api/me/emails', input);

export function useAddEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addEmail,
    onSuccess: (profile) => queryClient.setQueryData(profileQueryOptions().queryKey, profile),
  });
}
