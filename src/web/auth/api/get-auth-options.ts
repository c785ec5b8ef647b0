import { useQuery } from '@tanstack/react-query';
import type { AuthOptions } from '../../../contracts/identity';
import { api } from '../../lib/api';

export const getAuthOptions = () => api.get<AuthOptions>('/api/auth/options');

/** How people may log in here: identity providers, passwords, sign-up. */
export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: getAuthOptions, staleTime: 60_000 });
}
