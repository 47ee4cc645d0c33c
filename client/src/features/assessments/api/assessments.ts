import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerValue, ReviewVerdict } from '../../../../../shared/schemas/answer';
import type { AnswerDto, AnswerImportResult, AnswerSaveResult, AssessmentDto, AssessmentStatus, AssessmentSummaryDto, SuggestionDto, ThreadCommentDto } from '../../../../../shared/schemas/assessment';
import type { DocumentDto } from '../../../../../shared/schemas/document';
import { api } from '../../../lib/api-client';

const key = (id: string) => ['assessments', id] as const;

export function useAssessments(status?: AssessmentStatus[]) {
  const qs = status?.length ? `?${status.map((s) => `status=${s}`).join('&')}` : '';
  return useQuery({ queryKey: ['assessments', 'list', qs], queryFn: async () => (await api<{ assessments: AssessmentSummaryDto[] }>('GET', `/api/assessments${qs}`)).assessments });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: key(id), queryFn: async () => (await api<{ assessment: AssessmentDto }>('GET', `/api/assessments/${id}`)).assessment });
}

/** Folds a saved answer into the cached assessment, so the page follows without a reload. */
function useApplySave(id: string) {
  const qc = useQueryClient();
  return (questionKey: string, r: AnswerSaveResult) =>
    qc.setQueryData<AssessmentDto>(key(id), (a) =>
      a && {
        ...a,
        status: r.status,
        progress: r.progress,
        visibleQuestionKeys: r.visibleQuestionKeys,
        answers: [...a.answers.filter((x) => x.questionKey !== questionKey), ...(r.answer ? [r.answer] : [])],
      },
    );
}

export function useSaveAnswer(id: string) {
  const apply = useApplySave(id);
  return useMutation({
    mutationFn: ({ questionKey, ...body }: { questionKey: string; value: AnswerValue; comment?: string; evidenceIds?: string[] }) => api<AnswerSaveResult>('PUT', `/api/assessments/${id}/answers/${questionKey}`, { body }),
    onSuccess: (r, v) => apply(v.questionKey, r),
  });
}

export function useSuggestions(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...key(id), 'suggestions'], queryFn: async () => (await api<{ suggestions: SuggestionDto[] }>('GET', `/api/assessments/${id}/suggestions`)).suggestions, enabled });
}

export function useReuse(id: string) {
  const apply = useApplySave(id);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, sourceAnswerId }: { questionKey: string; sourceAnswerId: string }) => api<AnswerSaveResult>('POST', `/api/assessments/${id}/answers/${questionKey}/reuse`, { body: { sourceAnswerId } }),
    onSuccess: (r, v) => {
      apply(v.questionKey, r);
      void qc.invalidateQueries({ queryKey: [...key(id), 'suggestions'] });
    },
  });
}

export function useReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, ...body }: { questionKey: string; verdict: ReviewVerdict; comment?: string }) => api<{ answer: AnswerDto }>('PUT', `/api/assessments/${id}/answers/${questionKey}/review`, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(id) }),
  });
}

export function useComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, body }: { questionKey: string; body: string }) => api<{ comment: ThreadCommentDto }>('POST', `/api/assessments/${id}/answers/${questionKey}/comments`, { body: { body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(id) }),
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, message }: { step: 'send' | 'submit' | 'return' | 'complete' | 'cancel'; message?: string }) =>
      api<{ assessment: AssessmentDto }>('POST', `/api/assessments/${id}/${step}`, step === 'return' ? { body: { message } } : {}),
    onSuccess: (r) => {
      qc.setQueryData(key(id), r.assessment);
      void qc.invalidateQueries({ queryKey: ['assessments', 'list'] });
    },
  });
}

export function useImportWorkbook(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<AnswerImportResult>('POST', `/api/assessments/${id}/import`, { formData: form });
    },
    onSuccess: (r) => qc.setQueryData(key(id), r.assessment),
  });
}

/** The provider's library, to attach evidence from. */
export function useEvidenceLibrary(enabled: boolean) {
  return useQuery({ queryKey: ['assessments', 'library'], queryFn: async () => (await api<{ documents: DocumentDto[] }>('GET', '/api/documents')).documents, enabled });
}
