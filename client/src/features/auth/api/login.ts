import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionUser } from '../../../../../shared/schemas/auth';
import { api, resetCsrf } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/query-client';

export async function login(body: LoginBody): Promise<SessionUser> {
  const { user } = await api<{ user: SessionUser }>('POST', '/api/auth/login', { body });
  resetCsrf();
  return user;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(sessionKey, user);
    },
  });
}
