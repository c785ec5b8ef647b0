import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSearchResponse } from '../../../contracts/auth';
import { api, queryString } from '../../lib/api';

/** People by name or e-mail for the user pickers; the server wants at least two characters. */
export const searchUsers = (q: string) =>
  api.get<UserSearchResponse>(`/api/users/search${queryString({ q })}`);

export const userSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'search', q],
    queryFn: () => searchUsers(q),
    enabled: q.trim().length >= 2,
    staleTime: 60_000,
  });

export function useUserSearch(q: string) {
  return useQuery(userSearchQueryOptions(q));
}
