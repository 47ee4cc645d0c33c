import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, resetCsrf } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/query-client';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api<void>('POST', '/api/auth/logout');
      resetCsrf();
    },
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(sessionKey, null);
    },
  });
}
