import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptedResponse,
  AuthAdminSettings,
  AuthSettingsValues,
  InvitationRequest,
  UserIdentities,
} from '../../../contracts/identity';
import { api } from '../../lib/api';
import { USERS_LIST_KEY } from './get-users';

const identitiesKey = (userId: number) => ['admin', 'identities', userId] as const;

export function useUserIdentities(userId: number, enabled: boolean) {
  return useQuery({
    queryKey: identitiesKey(userId),
    queryFn: () => api.get<UserIdentities>(`/api/admin/users/${userId}/identities`),
    enabled,
  });
}

export function useRemoveIdentity(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identityId: number) =>
      api.delete<void>(`/api/admin/users/${userId}/identities/${identityId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identitiesKey(userId) }),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationRequest) => api.post<AcceptedResponse>('/api/admin/invitations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_LIST_KEY }),
  });
}

const SETTINGS_KEY = ['admin', 'auth-settings'] as const;

export function useAuthSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.get<AuthAdminSettings>('/api/admin/auth-settings'),
  });
}

export function useUpdateAuthSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: AuthSettingsValues) =>
      api.put<AuthAdminSettings>('/api/admin/auth-settings', values),
    onSuccess: (data) => {
      queryClient.setQueryData(SETTINGS_KEY, data);
      void queryClient.invalidateQueries({ queryKey: ['auth-options'] });
    },
  });
}
