import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { SESSION_QUERY_KEY } from './session-key';

/**
 * A 401 anywhere means the session ended (logged out elsewhere, password changed, blocked): refetch the
 * session, so that pages that need a user send the person to the login page.
 */
export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err) => onAuthError(err) }),
    mutationCache: new MutationCache({ onError: (err) => onAuthError(err) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failures, err) =>
          !(err instanceof ApiError && err.status < 500 && err.status > 0) && failures < 2,
      },
    },
  });
  function onAuthError(err: unknown) {
    if (err instanceof ApiError && err.status === 401) {
      void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    }
  }
  return client;
}
