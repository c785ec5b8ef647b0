import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '../../../contracts/auth';
import { api } from '../../lib/api';

export const changePassword = (input: ChangePasswordRequest) => api.post<void>('/api/me/password', input);

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
