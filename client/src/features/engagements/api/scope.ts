import { useQuery } from '@tanstack/react-query';
import type { ScopeJudgementDto } from '../../../../../shared/schemas/engagement';
import { api } from '../../../lib/api-client';

/** Each contracted site and service against every certificate shared (which one covers it, or why none does). */
export function useEngagementScope(engagementId: string, revision: string) {
  return useQuery({
    // The engagement's `updatedAt` is in the key: a change to its sites, services or entity names reads the table again.
    queryKey: ['scope', engagementId, revision],
    queryFn: async () => (await api<{ scope: ScopeJudgementDto }>('GET', `/api/engagements/${engagementId}/scope`)).scope,
  });
}
