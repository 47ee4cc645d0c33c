import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentSummaryDto, CreateAssessmentBody, AssessmentDto } from '../../../../../shared/schemas/assessment';
import type { CreateEngagementInput, EngagementDto, EngagementListDto, ProviderDto, UpdateEngagementBody } from '../../../../../shared/schemas/engagement';
import type { TemplateSummaryDto } from '../../../../../shared/schemas/template';
import { api } from '../../../lib/api-client';

const key = ['engagements'] as const;

/** The engagements list with the actor's abilities on it (whether "New engagement" shows). */
export function useEngagements() {
  return useQuery({ queryKey: key, queryFn: () => api<EngagementListDto>('GET', '/api/engagements') });
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: [...key, id], queryFn: async () => (await api<{ engagement: EngagementDto }>('GET', `/api/engagements/${id}`)).engagement });
}

export function useCreateEngagement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateEngagementInput) => (await api<{ engagement: EngagementDto }>('POST', '/api/engagements', { body })).engagement,
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateEngagement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateEngagementBody) => (await api<{ engagement: EngagementDto }>('PATCH', `/api/engagements/${id}`, { body })).engagement,
    onSuccess: (e) => {
      qc.setQueryData([...key, id], e);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
}

export function useProviderSearch(q: string) {
  return useQuery({
    queryKey: ['providers', q],
    queryFn: async () => (await api<{ providers: ProviderDto[] }>('GET', `/api/providers?q=${encodeURIComponent(q)}`)).providers,
    enabled: q.trim().length >= 2,
  });
}

export function useEngagementAssessments(id: string) {
  return useQuery({ queryKey: [...key, id, 'assessments'], queryFn: async () => (await api<{ assessments: AssessmentSummaryDto[] }>('GET', `/api/engagements/${id}/assessments`)).assessments });
}

/** Templates a buyer can send (not archived). */
export function useUsableTemplates() {
  return useQuery({
    queryKey: ['templates', 'usable'],
    queryFn: async () => (await api<{ templates: TemplateSummaryDto[] }>('GET', '/api/templates')).templates.filter((t) => t.abilities.use),
  });
}

export function useCreateAssessment(engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAssessmentBody) => (await api<{ assessment: AssessmentDto }>('POST', `/api/engagements/${engagementId}/assessments`, { body })).assessment,
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key, engagementId, 'assessments'] }),
  });
}

export function useSendAssessment(engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (assessmentId: string) => (await api<{ assessment: AssessmentDto }>('POST', `/api/assessments/${assessmentId}/send`)).assessment,
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key, engagementId, 'assessments'] }),
  });
}
