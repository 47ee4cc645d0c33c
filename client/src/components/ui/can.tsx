import type { ReactNode } from 'react';

/**
 * Renders its children only when the server said the user may do this
 * (the `abilities` it attaches to each object): the client never re-implements the rules.
 */
export function Can({ ability, children, fallback = null }: { ability: boolean | undefined; children: ReactNode; fallback?: ReactNode }) {
  return <>{ability ? children : fallback}</>;
}
