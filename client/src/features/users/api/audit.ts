import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEventDto, AuditVerification } from '../../../../../shared/schemas/audit';
import { api } from '../../../lib/api-client';

export function useAuditEvents(page: number, pageSize = 50) {
  return useQuery({
    queryKey: ['audit-events', page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: () => api<{ events: AuditEventDto[]; total: number }>('GET', `/api/audit-events?page=${page}&pageSize=${pageSize}`),
  });
}

/** Recomputes the organization's audit chain on the server, on request (it reads every event). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api<AuditVerification>('GET', '/api/audit/verify') });
}
