import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';

// Uploads between "bytes go to storage" and "the documents row is committed".
// System bookkeeping, not tenant data: no actor.

/** Notes that `key` is about to receive bytes; call it before the first byte is stored. */
export async function recordPendingUpload(db: Kysely<DB>, storageKey: string): Promise<void> {
  await db.insertInto('pending_uploads').values({ storage_key: storageKey }).execute();
}

/**
 * Removes the note: in the transaction that inserts the owning row, or
 * after the object was deleted. False when it was already gone, i.e. a
 * starting server judged the upload abandoned and removes its object.
 */
export async function removePendingUpload(db: Kysely<DB>, storageKey: string): Promise<boolean> {
  const r = await db.deleteFrom('pending_uploads').where('storage_key', '=', storageKey).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Keys of up to `limit` uploads started more than `graceMinutes` ago and still unfinished, oldest first. */
export async function abandonedUploadKeys(db: Kysely<DB>, graceMinutes: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('pending_uploads')
    .select('storage_key')
    .where('started_at', '<=', sql<Date>`now() - make_interval(mins => ${graceMinutes})`)
    .orderBy('started_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.storage_key);
}

/**
 * Takes an abandoned upload's note (still older than the grace period),
 * locking it until the transaction ends; `inUse` says whether a document
 * row names the key after all, in which case its object must stay.
 * Undefined when the upload finished or another server took it first.
 */
export async function claimAbandonedUpload(trx: Kysely<DB>, storageKey: string, graceMinutes: number): Promise<{ inUse: boolean } | undefined> {
  const row = await trx
    .deleteFrom('pending_uploads as p')
    .where('p.storage_key', '=', storageKey)
    .where('p.started_at', '<=', sql<Date>`now() - make_interval(mins => ${graceMinutes})`)
    .returning((eb) => eb.exists(eb.selectFrom('documents as d').select(sql`1`.as('one')).whereRef('d.storage_key', '=', 'p.storage_key')).as('in_use'))
    .executeTakeFirst();
  return row ? { inUse: Boolean(row.in_use) } : undefined;
}
