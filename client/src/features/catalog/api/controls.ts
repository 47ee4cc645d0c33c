import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ControlDto } from '../../../../../shared/schemas/catalog';
import { api } from '../../../lib/api-client';

/** The catalog filtered on the server, by the same parameters the API documents. */
export function useControls(params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({
    queryKey: ['controls', qs],
    queryFn: async () => (await api<{ controls: ControlDto[] }>('GET', `/api/controls${qs ? `?${qs}` : ''}`)).controls,
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });
}
