import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowidSet } from './rowid-set.js';

describe('RowidSet', () => {
  it('answers like a Set of numbers, for dense and sparse rowids', () => {
    const rowid = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 2 ** 40 }));
    fc.assert(
      fc.property(
        fc.array(rowid, { maxLength: 200 }),
        fc.array(rowid, { maxLength: 50 }),
        (added, probes) => {
          const set = new RowidSet();
          for (const r of added) set.add(r);
          const ref = new Set(added);
          for (const p of [...probes, ...added]) expect(set.has(p)).toBe(ref.has(p));
        },
      ),
    );
  });
});
