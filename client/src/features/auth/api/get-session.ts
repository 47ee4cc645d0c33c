import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import { api, ApiError } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/query-client';

/** The signed-in user, or null when there is no session. */
export async function getSession(): Promise<SessionUser | null> {
  try {
    return (await api<{ user: SessionUser }>('GET', '/api/auth/me')).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: getSession, staleTime: 5 * 60_000 });
}
