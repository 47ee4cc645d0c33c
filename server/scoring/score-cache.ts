import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Database } from '../db/database';
import { SerializedJson } from '../http/route';

/** Serialized scores kept per database, at most this many bytes in all. */
const BUDGET_BYTES = 64 * 1024 * 1024;
/** Smaller bodies are not worth compressing. */
const GZIP_FROM_BYTES = 1024;
const gzip = promisify(zlib.gzip);

/**
 * A least-recently-used map of serialized score responses. An entry's key
 * names the assessment, its engagement's facts revision and the day, so an
 * entry is never stale: any change to what the score reads gives the
 * engagement a new revision in the same transaction (database triggers), and
 * a new day starts new keys (risk acceptances expire).
 */
class ScoreCache {
  private readonly entries = new Map<string, SerializedJson>();
  private bytes = 0;

  get(key: string): SerializedJson | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: SerializedJson): void {
    if (value.size > BUDGET_BYTES / 4) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= old.size;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.bytes += value.size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= BUDGET_BYTES) break;
      this.entries.delete(k);
      this.bytes -= v.size;
    }
  }
}

// One cache per database (the tests and benchmarks run several in one process).
const caches = new WeakMap<Database, ScoreCache>();

/**
 * The serialized JSON for `key` (and its gzip, for clients that accept it),
 * computed once per key by `compute`. A key must change whenever the value
 * would (see ScoreCache).
 */
export async function cachedJson(db: Database, key: string, compute: () => Promise<unknown>): Promise<SerializedJson> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ScoreCache()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const body = Buffer.from(JSON.stringify(await compute()));
  const value = new SerializedJson(body, body.length >= GZIP_FROM_BYTES ? await gzip(body) : null);
  cache.set(key, value);
  return value;
}

