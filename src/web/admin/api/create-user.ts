import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, CreateUserRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { USERS_LIST_KEY } from './get-users';

export const createUser = (input: CreateUserRequest) => api.post<AdminUser>('/api/admin/users', input);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_LIST_KEY }),
  });
}
