import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoggedInResponse, SetupRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

export const setupAdministrator = (input: SetupRequest) =>
  api.post<LoggedInResponse>('/api/auth/setup', input);

export function useSetupAdministrator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setupAdministrator,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, { user, needsSetup: false });
    },
    onError: () => {
      // A 409 means somebody else finished the setup meanwhile: the session tells the page to move on.
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
