/** A value computed at most once per `ttlMs` (counts and histograms over the whole registry are not per request). */
export function cached<T>(ttlMs: number, compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  let at = 0;
  return () => {
    const now = Date.now();
    if (value === null || now - at > ttlMs) {
      at = now;
      value = compute().catch((e: unknown) => {
        value = null;
        throw e;
      });
    }
    return value;
  };
}
