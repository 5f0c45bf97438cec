/**
 * Site-wide files (robots.txt, tdmrep.json, ai.txt) fetched once per origin and kept at most 24 hours
 * (RFC 9309 §2.4: a cached robots.txt SHOULD NOT be used for more than 24 h).
 */
export const MAX_CACHE_MS = 24 * 60 * 60 * 1000;

export class OriginCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number = MAX_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (ttlMs > MAX_CACHE_MS) this.ttlMs = MAX_CACHE_MS;
  }

  /** The cached value for a key, or the one `load` gives (shared by concurrent callers). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    return value;
  }
}
