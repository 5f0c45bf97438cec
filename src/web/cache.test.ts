import { describe, expect, it, vi } from 'vitest';
import { cached } from './cache.js';

describe('cached', () => {
  it('computes once per period and answers the old value while computing the new one', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      let release: (() => void) | null = null;
      const get = cached(1000, () =>
        ++n === 1 ? Promise.resolve(n) : new Promise<number>((r) => (release = () => r(n))),
      );
      expect(await get()).toBe(1);
      expect(await get()).toBe(1);
      vi.advanceTimersByTime(1001);
      expect(await get()).toBe(1); // stale, a refresh started
      expect(n).toBe(2);
      expect(await get()).toBe(1); // still computing: no second refresh
      expect(n).toBe(2);
      (release as unknown as () => void)();
      await Promise.resolve();
      await Promise.resolve();
      expect(await get()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets a first computation that failed', async () => {
    let n = 0;
    const get = cached(1000, () => (++n === 1 ? Promise.reject(new Error('down')) : Promise.resolve(n)));
    await expect(get()).rejects.toThrow('down');
    expect(await get()).toBe(2);
  });
});
