import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

export const logout = () => api.post<void>('/api/auth/logout');

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, { user: null, needsSetup: false });
    },
  });
}
