import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminUsersPage } from '../../../contracts/auth';
import { api, queryString } from '../../lib/api';

export const getUsers = (q: string, page: number) =>
  api.get<AdminUsersPage>(`/api/admin/users${queryString({ q, page: page > 1 ? page : undefined })}`);

export const usersQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['admin', 'users', { q, page }],
    queryFn: () => getUsers(q, page),
    // Keep the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

/** The key every page of the list shares: mutations invalidate it. */
export const USERS_LIST_KEY = ['admin', 'users'] as const;

export function useUsers(q: string, page: number) {
  return useQuery(usersQueryOptions(q, page));
}
