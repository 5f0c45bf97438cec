import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsrcIndex } from './isrc-index.js';

describe('IsrcIndex', () => {
  it('finds exactly the stored values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 50 }), { maxLength: 300 }),
        fc.array(fc.integer({ min: -1, max: 2 ** 50 }), { maxLength: 50 }),
        (vals, probes) => {
          const sorted = Float64Array.from(vals.sort((a, b) => a - b));
          const index = new IsrcIndex(sorted);
          sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
          for (const p of probes) expect(index.find(p)).toBe(sorted.indexOf(p));
          // Keys that differ only in their high bits (same low 32 bits) stay apart.
          for (const v of sorted) if (v + 2 ** 32 < 2 ** 53 && !sorted.includes(v + 2 ** 32)) expect(index.find(v + 2 ** 32)).toBe(-1);
        },
      ),
    );
  });

  it('works from a table built before, in shared memory, and refuses one of the wrong size', () => {
    const sorted = Float64Array.from([3, 7, 2 ** 40, 2 ** 52 + 1]);
    const statuses = Uint8Array.from([0, 255, 21, 7]);
    const table = IsrcIndex.table(sorted, statuses, new SharedArrayBuffer(IsrcIndex.tableBytes(sorted.length)));
    expect(table.buffer).toBeInstanceOf(SharedArrayBuffer);
    const index = new IsrcIndex(sorted, table);
    sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
    expect(index.find(8)).toBe(-1);
    sorted.forEach((v, i) => expect(index.findStatus(v)).toBe(statuses[i]));
    expect(index.findStatus(8)).toBe(-1);
    expect(() => new IsrcIndex(sorted, new Int32Array(3))).toThrow(/wrong size/);
  });

  it('answers -1 on an empty index', () => {
    expect(new IsrcIndex(new Float64Array(0)).find(5)).toBe(-1);
  });

  it('copes with clustered values (one registrant holding most codes)', () => {
    const vals = [...Array.from({ length: 1000 }, (_, i) => 1e14 + i), 5, 3e14];
    const sorted = Float64Array.from(vals.sort((a, b) => a - b));
    const index = new IsrcIndex(sorted);
    sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
    expect(index.find(1e14 + 1000)).toBe(-1);
  });
});
