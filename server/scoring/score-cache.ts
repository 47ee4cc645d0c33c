import type { Database } from '../db/database';

/** Serialized scores kept per database, at most this many characters in all. */
const BUDGET_CHARS = 64 * 1024 * 1024;

/**
 * A least-recently-used map of serialized score responses. An entry's key
 * names the assessment, its engagement's score revision and the day, so an
 * entry is never stale: any change to what the score reads gives the
 * engagement a new revision in the same transaction (database triggers), and
 * a new day starts new keys (risk acceptances expire).
 */
class ScoreCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    if (value.length > BUDGET_CHARS / 4) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.chars -= old.length;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.chars += value.length;
    for (const [k, v] of this.entries) {
      if (this.chars <= BUDGET_CHARS) break;
      this.entries.delete(k);
      this.chars -= v.length;
    }
  }
}

// One cache per database (the tests and benchmarks run several in one process).
const caches = new WeakMap<Database, ScoreCache>();

/**
 * The JSON text for `key`, computed once per key by `compute`. A key must
 * change whenever the value would (see ScoreCache).
 */
export async function cachedJson(db: Database, key: string, compute: () => Promise<unknown>): Promise<string> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ScoreCache()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const text = JSON.stringify(await compute());
  cache.set(key, text);
  return text;
}
