import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndSessionResponse } from '../../../contracts/identity';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

/**
 * Ends the session; after a single sign-on, also returns where to send the browser so that the identity
 * provider ends its session too (asked before, while the session still says which provider it was).
 */
export const logout = async (): Promise<{ endSessionUrl: string | null }> => {
  const { url } = await api
    .get<EndSessionResponse>('/api/auth/oidc/end-session')
    .catch(() => ({ url: null }));
  await api.post<void>('/api/auth/logout');
  return { endSessionUrl: url };
};

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
