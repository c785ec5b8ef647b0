import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

export const getSession = () => api.get<SessionResponse>('/api/auth/session');

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: SESSION_QUERY_KEY, queryFn: getSession, staleTime: 60_000 });

/** Who is logged in (user is null when nobody is) and whether the first-run setup is still to do. */
export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** The logged-in user, or null; undefined while the session is loading. */
export function useCurrentUser() {
  const { data } = useSession();
  return data === undefined ? undefined : data.user;
}
