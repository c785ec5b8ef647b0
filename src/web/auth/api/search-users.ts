import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSearchResponse } from '../../../contracts/auth';
import { api, queryString } from '../../lib/api';

/** The server answers from two characters on (GET /api/users/search, for every user picker). */
export const USER_SEARCH_MIN = 2;

export const searchUsers = (q: string) =>
  api.get<UserSearchResponse>(`/api/users/search${queryString({ q })}`);

export const userSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'search', q],
    queryFn: () => searchUsers(q),
    enabled: q.trim().length >= USER_SEARCH_MIN,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useUserSearch = (q: string) => useQuery(userSearchQueryOptions(q));
