import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Profile } from '../../../contracts/auth';
import { api } from '../../lib/api';

export const getProfile = () => api.get<Profile>('/api/me');

export const profileQueryOptions = () => queryOptions({ queryKey: ['profile'], queryFn: getProfile });

export function useProfile() {
  return useQuery(profileQueryOptions());
}
