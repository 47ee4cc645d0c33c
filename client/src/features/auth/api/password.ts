import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import { api, resetCsrf } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/query-client';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api<{ message: string }>('POST', '/api/auth/password-reset', { body: { email } }) });
}

/** Sets a new password with the emailed token; signs in (a new session: a new CSRF token). */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => {
      const { user } = await api<{ user: SessionUser }>('POST', '/api/auth/password-reset/confirm', { body });
      resetCsrf();
      return user;
    },
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(sessionKey, user);
    },
  });
}

/** Changes the signed-in user's password; the session continues under a new id. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      await api<{ user: SessionUser }>('POST', '/api/auth/password', { body });
      resetCsrf();
    },
  });
}
