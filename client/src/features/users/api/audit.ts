import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEventDto } from '../../../../../shared/schemas/audit';
import { api } from '../../../lib/api-client';

export function useAuditEvents(page: number, pageSize = 50) {
  return useQuery({
    queryKey: ['audit-events', page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: () => api<{ events: AuditEventDto[]; total: number }>('GET', `/api/audit-events?page=${page}&pageSize=${pageSize}`),
  });
}
