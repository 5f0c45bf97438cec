/**
 * A value computed at most once per `ttlMs` (counts and histograms over the whole registry are not per
 * request). Once there is a value, an old one is answered at once while a new one is computed in the
 * background (stale while revalidate), so only the very first reader waits.
 */
export function cached<T>(ttlMs: number, compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  let at = 0;
  let refreshing = false;
  return () => {
    const now = Date.now();
    if (value === null) {
      at = now;
      value = compute().catch((e: unknown) => {
        value = null;
        throw e;
      });
    } else if (now - at > ttlMs && !refreshing) {
      refreshing = true;
      at = now;
      compute().then(
        (v) => {
          value = Promise.resolve(v);
          refreshing = false;
        },
        () => {
          // Keep the old value; try again at the next expiry.
          refreshing = false;
        },
      );
    }
    return value;
  };
}
