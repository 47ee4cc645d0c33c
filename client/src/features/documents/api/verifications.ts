import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VerificationDto, VerificationInput, VerificationsDto } from '../../../../../shared/schemas/certificate-verification';
import { api } from '../../../lib/api-client';

const key = (certificateId: string) => ['verifications', certificateId] as const;

/** The buyer's checks of a certificate in public directories, and where to look it up. */
export function useVerifications(certificateId: string, enabled = true) {
  return useQuery({ queryKey: key(certificateId), enabled, queryFn: () => api<VerificationsDto>('GET', `/api/certificates/${certificateId}/verifications`) });
}

/** Records a check, then attaches its screenshot when one is given; findings and scope move with it. */
export function useRecordVerification(certificateId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, screenshot }: { body: VerificationInput; screenshot: File | null }) => {
      const { verification } = await api<{ verification: VerificationDto }>('POST', `/api/certificates/${certificateId}/verifications`, { body });
      if (!screenshot) return { verification, screenshotError: null };
      const form = new FormData();
      form.append('file', screenshot);
      // The check stands without its screenshot: say so rather than lose it.
      try {
        return await api<{ verification: VerificationDto }>('POST', `/api/certificate-verifications/${verification.id}/evidence`, { formData: form }).then((r) => ({ ...r, screenshotError: null }));
      } catch (err) {
        return { verification, screenshotError: (err as Error).message };
      }
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: key(certificateId) });
      void qc.invalidateQueries({ queryKey: ['findings', engagementId] });
      void qc.invalidateQueries({ queryKey: ['summary', engagementId] });
      void qc.invalidateQueries({ queryKey: ['scope', engagementId] });
    },
  });
}
