import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CertificateDto, CertificateInput, certificateProposalDto } from '../../../../../shared/schemas/certificate';
import { api } from '../../../lib/api-client';

export type CertificateProposal = z.infer<typeof certificateProposalDto>;

export function useExtractCertificate() {
  return useMutation({ mutationFn: (documentId: string) => api<CertificateProposal>('POST', `/api/documents/${documentId}/extract-certificate`) });
}

export function useCertificatesOf(documentId: string) {
  return useQuery({ queryKey: ['certificates', documentId], queryFn: async () => (await api<{ certificates: CertificateDto[] }>('GET', `/api/certificates?documentId=${documentId}`)).certificates });
}

export function useRecordCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CertificateInput) => (await api<{ certificate: CertificateDto }>('POST', '/api/certificates', { body })).certificate,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certificates'] }),
  });
}
