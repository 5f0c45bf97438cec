import { describe, expect, it } from 'vitest';
import { CACHE_MIN_LEVEL, cacheLevelFor, NodeCache } from './node-cache.js';
import { nodeRowId } from './node-layout.js';

const h = (n: number) => new Uint8Array(32).fill(n);

describe('NodeCache', () => {
  it('keeps upper-level nodes only and answers them without a read', () => {
    const cache = new NodeCache();
    cache.keep(
      new Map([
        [nodeRowId(CACHE_MIN_LEVEL, 3), h(1)],
        [nodeRowId(CACHE_MIN_LEVEL - 1, 3), h(2)],
        [nodeRowId(20, 0), h(3)],
      ]),
    );
    expect(cache.size).toBe(2);
    const found = new Map<number, Uint8Array>();
    const missing = cache.lookup(
      [
        { level: CACHE_MIN_LEVEL, index: 3 },
        { level: CACHE_MIN_LEVEL - 1, index: 3 },
        { level: 20, index: 0 },
        { level: 20, index: 1 },
      ],
      found,
    );
    expect(missing).toEqual([
      { level: CACHE_MIN_LEVEL - 1, index: 3 },
      { level: 20, index: 1 },
    ]);
    expect([...found]).toEqual([
      [nodeRowId(CACHE_MIN_LEVEL, 3), h(1)],
      [nodeRowId(20, 0), h(3)],
    ]);
  });

  it('keeps fewer levels as the log grows, never below the minimum', () => {
    expect(cacheLevelFor(0)).toBe(CACHE_MIN_LEVEL);
    expect(cacheLevelFor(10_000_000)).toBe(CACHE_MIN_LEVEL);
    expect(cacheLevelFor(2 ** 30)).toBe(14);
    const cache = new NodeCache();
    cache.reset(14);
    cache.keep(
      new Map([
        [nodeRowId(13, 0), h(1)],
        [nodeRowId(14, 0), h(2)],
      ]),
    );
    expect(cache.size).toBe(1);
    expect(cache.minLevel).toBe(14);
  });
});
