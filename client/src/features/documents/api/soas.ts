import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SoaDto, SoaInput, soaImportDto } from '../../../../../shared/schemas/soa';
import { api } from '../../../lib/api-client';

export type SoaImport = z.infer<typeof soaImportDto>;

/** Reads an SoA document's own file through the import endpoint: nothing is saved yet. */
export function useReadSoa() {
  return useMutation({
    mutationFn: async ({ documentId, fileName }: { documentId: string; fileName: string }) => {
      const res = await fetch(`/api/documents/${documentId}/content`, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`The SoA file could not be downloaded (${res.status})`);
      const form = new FormData();
      form.append('file', new File([await res.blob()], fileName));
      return api<SoaImport>('POST', '/api/soas/import', { formData: form });
    },
  });
}

export function useSoasOf(documentId: string) {
  return useQuery({ queryKey: ['soas', documentId], queryFn: async () => (await api<{ soas: Omit<SoaDto, 'rows'>[] }>('GET', `/api/soas?documentId=${documentId}`)).soas });
}

export function useSaveSoa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: SoaInput) => (await api<{ soa: SoaDto }>('POST', '/api/soas', { body })).soa,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['soas'] }),
  });
}
