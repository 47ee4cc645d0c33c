import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto, DocumentKind } from '../../../../../shared/schemas/document';
import type { EngagementDto } from '../../../../../shared/schemas/engagement';
import { api, uploadWithProgress } from '../../../lib/api-client';

const documentsKey = ['documents'] as const;

export function useDocuments(kind?: DocumentKind) {
  return useQuery({
    queryKey: [...documentsKey, 'list', kind ?? 'all'],
    queryFn: async () => (await api<{ documents: DocumentDto[] }>('GET', `/api/documents${kind ? `?kind=${kind}` : ''}`)).documents,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: [...documentsKey, id], queryFn: () => api<{ document: DocumentDto; versions: DocumentDto[] }>('GET', `/api/documents/${id}`) });
}

/** Uploads one file with progress; `replaces` makes it a new version of that document. */
export async function uploadDocument(file: File, fields: { kind: DocumentKind; title?: string; replaces?: string }, onProgress: (fraction: number) => void) {
  const form = new FormData();
  form.append('kind', fields.kind);
  if (fields.title) form.append('title', fields.title);
  if (fields.replaces) form.append('replaces', fields.replaces);
  form.append('file', file);
  return uploadWithProgress<{ document: DocumentDto }>('/api/documents', form, onProgress);
}

export function useInvalidateDocuments() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: documentsKey });
}

/** The engagements the provider works on, to share documents with. */
export function useEngagementsToShareWith() {
  return useQuery({ queryKey: ['documents', 'engagements'], queryFn: async () => (await api<{ engagements: EngagementDto[] }>('GET', '/api/engagements')).engagements });
}

export function useShareDocuments() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: ({ engagementId, documentIds }: { engagementId: string; documentIds: string[] }) => api<{ documents: DocumentDto[] }>('POST', `/api/engagements/${engagementId}/shares`, { body: { documentIds } }),
    onSuccess: invalidate,
  });
}

export function useUnshareDocument() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: ({ engagementId, documentId }: { engagementId: string; documentId: string }) => api<void>('DELETE', `/api/engagements/${engagementId}/shares/${documentId}`),
    onSuccess: invalidate,
  });
}
