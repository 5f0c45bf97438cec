import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LEVEL, nodeOfRowId, nodeRowId, TILE_HEIGHT, upperLevelsFrom } from './node-layout.js';
import { inclusionProofPlan, planNodeIds } from './plan.js';

describe('node layout', () => {
  it('gives every node one exact key and reads it back (property)', () => {
    const node = fc.integer({ min: 0, max: MAX_LEVEL }).chain((level) => fc.tuple(fc.constant(level), fc.integer({ min: 0, max: 2 ** (MAX_LEVEL - level) - 1 })));
    fc.assert(
      fc.property(node, ([level, index]) => {
        const id = nodeRowId(level, index);
        expect(Number.isSafeInteger(id)).toBe(true);
        expect(nodeOfRowId(id)).toEqual({ level, index });
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives two nodes the same key (exhaustive over a few tiles and levels)', () => {
    const seen = new Map<number, string>();
    for (let level = 0; level <= 12; level++) {
      for (let index = 0; index < 2 ** (12 - level); index++) {
        const id = nodeRowId(level, index);
        expect(seen.get(id), `${level}/${index}`).toBeUndefined();
        seen.set(id, `${level}/${index}`);
      }
    }
  });

  it('keeps the eight lowest siblings of a proof within one tile of 512 keys', () => {
    for (const index of [0, 255, 256, 123_456_789]) {
      const size = 2 ** 30;
      const low = planNodeIds(inclusionProofPlan(index, size))
        .filter((id) => id.level < TILE_HEIGHT)
        .map((id) => nodeRowId(id.level, id.index));
      expect(Math.max(...low) - Math.min(...low)).toBeLessThan(512);
    }
  });

  it('puts the upper levels after all tiles, level by level', () => {
    expect(nodeRowId(0, 2 ** MAX_LEVEL - 1)).toBeLessThan(upperLevelsFrom(TILE_HEIGHT));
    expect(nodeRowId(8, 2 ** 32 - 1)).toBeLessThan(nodeRowId(9, 0));
    expect(upperLevelsFrom(10)).toBe(nodeRowId(10, 0));
    expect(() => upperLevelsFrom(3)).toThrow(expect.objectContaining({ code: 'LEDGER_OUT_OF_RANGE' }));
    expect(() => nodeRowId(0, 2 ** 40)).toThrow(expect.objectContaining({ code: 'LEDGER_OUT_OF_RANGE' }));
    expect(() => nodeRowId(-1, 0)).toThrow(expect.objectContaining({ code: 'LEDGER_OUT_OF_RANGE' }));
    expect(() => nodeOfRowId(510)).toThrow(expect.objectContaining({ code: 'LEDGER_OUT_OF_RANGE' }));
  });
});
