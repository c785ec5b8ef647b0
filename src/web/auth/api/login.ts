import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoggedInResponse, LoginRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

export const login = (input: LoginRequest) => api.post<LoggedInResponse>('/api/auth/login', input);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async ({ user }) => {
      // Everything cached so far was fetched as somebody else (or nobody).
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, { user, needsSetup: false });
    },
  });
}
