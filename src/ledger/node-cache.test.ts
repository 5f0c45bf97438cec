import { describe, expect, it } from 'vitest';
import { CACHE_MIN_LEVEL, NodeCache } from './node-cache.js';

const h = (n: number) => new Uint8Array(32).fill(n);

describe('NodeCache', () => {
  it('keeps upper-level nodes only and answers them without a read', () => {
    const cache = new NodeCache();
    cache.keep(
      new Map([
        [`${CACHE_MIN_LEVEL}/3`, h(1)],
        [`${CACHE_MIN_LEVEL - 1}/3`, h(2)],
        ['20/0', h(3)],
      ]),
    );
    expect(cache.size).toBe(2);
    const found = new Map<string, Uint8Array>();
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
      [`${CACHE_MIN_LEVEL}/3`, h(1)],
      ['20/0', h(3)],
    ]);
  });
});
