import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, UpdateUserRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';
import { USERS_LIST_KEY } from './get-users';

export const updateUser = ({ id, ...changes }: UpdateUserRequest & { id: number }) =>
  api.patch<AdminUser>(`/api/admin/users/${id}`, changes);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_LIST_KEY }),
  });
}
