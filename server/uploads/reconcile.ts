import type { Deps } from '../deps';
import { abandonedUploadKeys, claimAbandonedUpload } from '../repositories/pending-upload';

const BATCH = 1000;

export interface Reconciled {
  /** Uploads that never got their documents row: their note and whatever of their object was stored. */
  uploads: number;
  /** Temporary files of writes cut off mid-way (local disk). */
  parts: number;
}

/**
 * Removes what a crash can leave of an upload: the stored object of an
 * upload whose documents row was never committed (its pending note is
 * still there) and, on local disk, the temporary file of a write cut off
 * mid-way. Only what is older than `graceMinutes`: another server sharing
 * the database and storage may be receiving a younger upload right now.
 * Each note is taken in its own transaction, locked while its object is
 * deleted, so a failure leaves it for the next pass and an upload that
 * finishes meanwhile is either kept whole or refused (settleUpload).
 */
export async function reconcileUploads(deps: Pick<Deps, 'db' | 'storage'>, graceMinutes: number): Promise<Reconciled> {
  const parts = (await deps.storage.removeStaleParts?.(graceMinutes * 60_000)) ?? 0;
  let uploads = 0;
  for (;;) {
    const keys = await abandonedUploadKeys(deps.db, graceMinutes, BATCH);
    for (const key of keys) {
      await deps.db.transaction().execute(async (trx) => {
        const claim = await claimAbandonedUpload(trx, key, graceMinutes);
        // A row names the key after all (never through the upload path): keep the object.
        if (!claim || claim.inUse) return;
        await deps.storage.delete(key);
        uploads++;
      });
    }
    if (keys.length < BATCH) return { uploads, parts };
  }
}
