import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Profile, UpdateProfileRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';
import { profileQueryOptions } from './get-profile';

export const updateProfile = (input: UpdateProfileRequest) => api.patch<Profile>('/api/me', input);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(profileQueryOptions().queryKey, profile);
      // The header shows the name from the session.
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
