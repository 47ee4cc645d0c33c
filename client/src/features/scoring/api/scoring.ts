import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScoringTablesDto } from '../../../../../shared/schemas/scoring-profile';
import { api } from '../../../lib/api-client';

export function useScoringTables() {
  return useQuery({ queryKey: ['scoring'], queryFn: () => api<ScoringTablesDto>('GET', '/api/scoring') });
}

export function useSaveWeights() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (weights: Record<string, number>) => api('PUT', '/api/scoring/profile', { body: { weights } }), onSuccess: () => qc.invalidateQueries({ queryKey: ['scoring'] }) });
}
