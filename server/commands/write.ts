import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import type { Deps } from '../deps';
import { refreshEngagements } from '../findings/summary';
import { recordAudit, type AuditInput, type RequestOrigin } from '../repositories/audit';

/** What a command's work gets: the transaction, an audit writer bound to it, and a way to say which engagements' findings the change may move. */
export interface Write {
  trx: Transaction<DB>;
  /** Appends an audit event in this transaction: it commits or rolls back with the change. */
  audit(event: AuditInput): Promise<void>;
  /** Engagements whose findings, summary and score may change with this write; refreshed after the commit. */
  affects(...engagementIds: readonly string[]): void;
}

/**
 * The one write path: opens the transaction, gives the work its audit writer,
 * commits, then brings the derived state of every engagement the work said it
 * affects up to date. Every mutating route calls a command that runs through
 * here, so no write can forget its audit event or its refresh.
 */
export async function runWrite<T>(deps: Deps, origin: RequestOrigin, work: (w: Write) => Promise<T>): Promise<T> {
  const affected = new Set<string>();
  const result = await deps.db.transaction().execute((trx) =>
    work({
      trx,
      audit: (event) => recordAudit(trx, origin, event),
      affects: (...ids) => ids.forEach((id) => affected.add(id)),
    }),
  );
  if (affected.size > 0) await refreshEngagements(deps, [...affected]);
  return result;
}
