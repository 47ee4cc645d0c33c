import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import type { AcceptInvitationBody, InvitationPreview } from '../../../../../shared/schemas/users';
import { api, resetCsrf } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/query-client';

/** What an invitation token is for; fails when it is unknown, used, withdrawn or expired. */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    enabled: !!token,
    retry: false,
    queryFn: async () => (await api<{ invitation: InvitationPreview }>('POST', '/api/invitations/inspect', { body: { token } })).invitation,
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: AcceptInvitationBody) => {
      const { user } = await api<{ user: SessionUser }>('POST', '/api/invitations/accept', { body });
      resetCsrf();
      return user;
    },
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(sessionKey, user);
    },
  });
}
