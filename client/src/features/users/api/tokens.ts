import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenDto, ApiTokenInput } from '../../../../../shared/schemas/api-token';
import { api } from '../../../lib/api-client';

const key = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: key, queryFn: async () => (await api<{ tokens: ApiTokenDto[] }>('GET', '/api/tokens')).tokens });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenInput) => api<{ token: string; apiToken: ApiTokenDto }>('POST', '/api/tokens', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ apiToken: ApiTokenDto }>('DELETE', `/api/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
