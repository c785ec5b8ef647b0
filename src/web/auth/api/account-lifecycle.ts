import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoggedInResponse } from '../../../contracts/auth';
import type {
  AcceptedResponse,
  InvitationAccept,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignupRequest,
} from '../../../contracts/identity';
import { api } from '../../lib/api';
import { SESSION_QUERY_KEY } from '../../lib/session-key';

/** A mutation that ends logged in: what was cached was fetched as somebody else (or nobody). */
function useLoggingIn<I>(fn: (input: I) => Promise<LoggedInResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, { user, needsSetup: false });
    },
  });
}

export const useSignup = () =>
  useMutation({
    mutationFn: (input: SignupRequest) => api.post<AcceptedResponse>('/api/auth/signup', input),
  });

export const useConfirmSignup = () =>
  useLoggingIn((token: string) => api.post<LoggedInResponse>('/api/auth/signup/confirm', { token }));

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (input: PasswordResetRequest) =>
      api.post<AcceptedResponse>('/api/auth/password-reset', input),
  });

export const useConfirmPasswordReset = () =>
  useLoggingIn((input: PasswordResetConfirm) =>
    api.post<LoggedInResponse>('/api/auth/password-reset/confirm', input),
  );

export const useAcceptInvitation = () =>
  useLoggingIn((input: InvitationAccept) =>
    api.post<LoggedInResponse>('/api/auth/invitations/accept', input),
  );
