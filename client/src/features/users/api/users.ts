import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationDto, InviteUserBody, UpdateUserBody, UserDto } from '../../../../../shared/schemas/users';
import { api } from '../../../lib/api-client';

const usersKey = ['users'] as const;
const invitationsKey = ['invitations'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: async () => (await api<{ users: UserDto[] }>('GET', '/api/users')).users });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: UpdateUserBody & { id: string }) => (await api<{ user: UserDto }>('PATCH', `/api/users/${id}`, { body })).user,
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsKey, queryFn: async () => (await api<{ invitations: InvitationDto[] }>('GET', '/api/invitations')).invitations });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteUserBody) => (await api<{ invitation: InvitationDto }>('POST', '/api/invitations', { body })).invitation,
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await api<{ invitation: InvitationDto }>('DELETE', `/api/invitations/${id}`)).invitation,
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationsKey }),
  });
}
