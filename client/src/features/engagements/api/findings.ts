import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FindingAction, FindingDto, FindingsBasisDto } from '../../../../../shared/schemas/finding';
import type { SummaryDto } from '../../../../../shared/schemas/portfolio';
import type { ScoreResultDto } from '../../../../../shared/schemas/score';
import { api } from '../../../lib/api-client';

/** The engagement's findings with what the rules read to raise them (`basis`). */
export function useFindings(engagementId: string) {
  return useQuery({ queryKey: ['findings', engagementId], queryFn: () => api<{ findings: FindingDto[]; basis: FindingsBasisDto }>('GET', `/api/engagements/${engagementId}/findings`) });
}

export function useFindingAction(engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FindingAction & { id: string }) => api<{ finding: FindingDto }>('PATCH', `/api/findings/${id}`, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['findings', engagementId] });
      void qc.invalidateQueries({ queryKey: ['summary', engagementId] });
    },
  });
}

export function useSummary(engagementId: string, enabled: boolean) {
  return useQuery({ queryKey: ['summary', engagementId], queryFn: async () => (await api<{ summary: SummaryDto }>('GET', `/api/engagements/${engagementId}/summary`)).summary, enabled });
}

export function useScore(assessmentId: string | null | undefined) {
  return useQuery({ queryKey: ['score', assessmentId], queryFn: async () => (await api<{ score: ScoreResultDto }>('GET', `/api/assessments/${assessmentId}/score`)).score, enabled: Boolean(assessmentId) });
}

export function usePortfolio(params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({ queryKey: ['portfolio', qs], queryFn: () => api<{ rows: SummaryDto[]; total: number; page: number; pageSize: number }>('GET', `/api/portfolio${qs ? `?${qs}` : ''}`) });
}

/** The certificates shared with this engagement (through its shared documents). */
export function useEngagementCertificates(engagementId: string) {
  return useQuery({
    queryKey: ['engagement-certificates', engagementId],
    queryFn: async () => {
      const docs = (await api<{ documents: { id: string; kind: string }[] }>('GET', `/api/engagements/${engagementId}/documents`)).documents.filter((d) => d.kind === 'certificate');
      const all = (await api<{ certificates: import('../../../../../shared/schemas/certificate').CertificateDto[] }>('GET', '/api/certificates')).certificates;
      return all.filter((c) => docs.some((d) => d.id === c.documentId));
    },
  });
}
