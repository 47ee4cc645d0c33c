import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Keys are random and chosen by the caller; an
 * object is written once and never changed (a new upload is a new key).
 */
export interface Storage {
  /** Streams `source` to `key`. Resolves once the object is durable; on any error nothing is left under `key`. */
  put(key: string, source: Readable, meta: { contentType: string }): Promise<void>;
  /** The object's bytes as a stream; rejects with StorageNotFoundError if absent. */
  get(key: string): Promise<Readable>;
  /** Removes the object; succeeds if it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Removes the temporary pieces of writes that stopped (a crash mid-write)
   * and were last touched more than `olderThanMs` ago; returns how many.
   * Only for storages that leave such pieces behind (local disk).
   */
  removeStaleParts?(olderThanMs: number): Promise<number>;
  /** Where files go, for logs ("disk: …", "s3://bucket/prefix"). */
  readonly description: string;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object under ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

/** Keys are 64 hex characters: nothing of the original file name reaches the storage. */
export const isStorageKey = (key: string) => /^[0-9a-f]{64}$/.test(key);
