import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completedRanges } from './audit-tree.js';
import { CompactRange } from './compact-range.js';
import { leafHash } from './hash.js';

/** The nodes above the leaves that CompactRange completes while appending leaves [from, to). */
function completedByRange(from: number, to: number): string[] {
  const range = CompactRange.empty();
  const out: string[] = [];
  for (let i = 0; i < to; i++) {
    const nodes = range.append(leafHash(Uint8Array.of(i & 255, i >> 8)));
    if (i >= from) for (const n of nodes) if (n.level > 0) out.push(`${n.level}/${n.index}`);
  }
  return out.sort();
}

describe('completedRanges', () => {
  it('names exactly the nodes completed by a page of leaves (property)', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (a, n) => {
        const ids = completedRanges(a, a + n).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => `${r.level}/${r.from + k}`));
        expect(ids.sort()).toEqual(completedByRange(a, a + n));
      }),
      { numRuns: 200 },
    );
  });

  it('stays small for huge logs: one range per level', () => {
    const ranges = completedRanges(2 ** 40, 2 ** 40 + 5000);
    expect(ranges.length).toBeLessThanOrEqual(42);
    expect(ranges[0]).toEqual({ level: 1, from: 2 ** 39, to: 2 ** 39 + 2499 });
    expect(ranges[1]).toEqual({ level: 2, from: 2 ** 38, to: 2 ** 38 + 1249 });
  });
});
