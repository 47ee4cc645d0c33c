import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The page's URL query as state. `update` starts from the address bar rather than from the last render:
 * the router writes the URL at once but renders the change in a transition, so two quick clicks would
 * otherwise both start from the same old parameters and the first would be lost.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(window.location.search);
      change(next);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update] as const;
}
