import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClauseDto } from '../../../../../shared/schemas/clause';
import { api } from '../../../lib/api-client';

export function useClauses() {
  return useQuery({ queryKey: ['clauses'], queryFn: async () => (await api<{ clauses: ClauseDto[] }>('GET', '/api/clauses')).clauses });
}

export function useUpdateClause() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: string; title?: string; text?: string; disabled?: boolean }) => (await api<{ clause: ClauseDto }>('PATCH', `/api/clauses/${id}`, { body })).clause,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['clauses'] }),
  });
}
