import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ControlDto } from '../../../../../shared/schemas/catalog';
import type { TemplateContent, TemplateContentInput, TemplateDto, TemplateListDto } from '../../../../../shared/schemas/template';
import { api } from '../../../lib/api-client';

const key = ['templates'] as const;

/** The templates list with the actor's abilities on it (whether "New template" and import show). */
export function useTemplates() {
  return useQuery({ queryKey: [...key, 'list'], queryFn: () => api<TemplateListDto>('GET', '/api/templates') });
}

export function useTemplate(id: string | undefined) {
  return useQuery({ queryKey: [...key, id], queryFn: async () => (await api<{ template: TemplateDto }>('GET', `/api/templates/${id}`)).template, enabled: Boolean(id) });
}

export function useSaveTemplate(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (content: TemplateContentInput | TemplateContent) => (await api<{ template: TemplateDto }>(id ? 'PUT' : 'POST', id ? `/api/templates/${id}` : '/api/templates', { body: content })).template,
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useArchiveTemplate() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api<{ template: TemplateDto }>('DELETE', `/api/templates/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export function useImportTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return (await api<{ template: TemplateDto }>('POST', '/api/templates/import', { formData: form })).template;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** All 93 controls, for the control picker. */
export function useAllControls() {
  return useQuery({ queryKey: ['templates', 'controls'], queryFn: async () => (await api<{ controls: ControlDto[] }>('GET', '/api/controls')).controls, staleTime: 60 * 60_000 });
}

/** The catalog filtered by attribute, for the control picker. */
export function useFilteredControls(params: URLSearchParams, enabled: boolean) {
  const qs = params.toString();
  return useQuery({ queryKey: ['templates', 'controls', qs], queryFn: async () => (await api<{ controls: ControlDto[] }>('GET', `/api/controls${qs ? `?${qs}` : ''}`)).controls, enabled, staleTime: 60 * 60_000 });
}
