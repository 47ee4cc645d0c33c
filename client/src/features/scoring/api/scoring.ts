import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ScoringTables {
  weights: Record<string, number>;
  multipliers: { reason: string; controlIds: string[]; factor: number }[];
  requiredControls: { when: string; controlIds: string[] }[];
  ratingThresholds: { rating: string; min: number | null }[];
  residualRisk: Record<string, Record<string, string>>;
  controls: { id: string; title: string; theme: string }[];
}

export function useScoringTables() {
  return useQuery({ queryKey: ['scoring'], queryFn: () => api<ScoringTables>('GET', '/api/scoring') });
}

export function useSaveWeights() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (weights: Record<string, number>) => api('PUT', '/api/scoring/profile', { body: { weights } }), onSuccess: () => qc.invalidateQueries({ queryKey: ['scoring'] }) });
}
