import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto } from '../../../../../shared/schemas/document';
import { uploadWithProgress } from '../../../lib/api-client';

/** Uploads one file to the provider's library as evidence (`POST /api/documents`, kind evidence), reporting progress. */
export function uploadEvidence(file: File, onProgress: (fraction: number) => void) {
  const form = new FormData();
  form.append('kind', 'evidence');
  form.append('file', file);
  return uploadWithProgress<{ document: DocumentDto }>('/api/documents', form, onProgress);
}

export function useUploadEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) => uploadEvidence(file, onProgress),
    // The library the evidence picker offers now holds the new document.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessments', 'library'] }),
  });
}
