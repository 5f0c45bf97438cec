import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsrcIndex, slotBits } from './isrc-index.js';
import { PACKED_ISRC_LIMIT } from './isrc-pack.js';

const packed = fc.integer({ min: 0, max: PACKED_ISRC_LIMIT - 1 });
const statusArb = fc.constantFrom(
  ...[0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => a | (b << 2) | (a << 4) | (b << 6))),
);

describe('IsrcIndex', () => {
  it('finds exactly the stored values, one at a time and in batches', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(packed, statusArb), { maxLength: 300, selector: (t) => t[0] }),
        fc.array(fc.oneof(packed, fc.constant(-1)), { maxLength: 50 }),
        (pairs, probes) => {
          pairs.sort((a, b) => a[0] - b[0]);
          const sorted = Float64Array.from(pairs.map((p) => p[0]));
          const statuses = Uint8Array.from(pairs.map((p) => p[1]));
          const index = new IsrcIndex(sorted, IsrcIndex.table(sorted, statuses));
          sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
          sorted.forEach((v, i) => expect(index.findStatus(v)).toBe(statuses[i]));
          for (const p of probes) expect(index.find(p)).toBe(sorted.indexOf(p));
          // Keys that differ only in their high bits (same low 32 bits) stay apart.
          for (const v of sorted) {
            const w = v + 2 ** 32;
            if (w < PACKED_ISRC_LIMIT && !sorted.includes(w)) expect(index.findStatus(w)).toBe(-1);
          }
          const all = Float64Array.from([...sorted, ...probes]);
          const out = new Int16Array(all.length);
          index.findStatuses(all, all.length, out);
          all.forEach((v, k) => {
            const i = sorted.indexOf(v);
            expect(out[k]).toBe(i < 0 ? -1 : statuses[i]);
          });
          expect(IsrcIndex.tableProblem(IsrcIndex.table(sorted, statuses), sorted, statuses)).toBeNull();
        },
      ),
    );
  });

  it('works from a table built before, in shared memory, and refuses one of the wrong size', () => {
    const sorted = Float64Array.from([3, 7, 2 ** 40, PACKED_ISRC_LIMIT - 1]);
    const statuses = Uint8Array.from([0, 0b10101010, 21, 6]);
    const table = IsrcIndex.table(
      sorted,
      statuses,
      new SharedArrayBuffer(IsrcIndex.tableBytes(sorted.length)),
    );
    expect(table.buffer).toBeInstanceOf(SharedArrayBuffer);
    const index = new IsrcIndex(sorted, table);
    sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
    expect(index.find(8)).toBe(-1);
    sorted.forEach((v, i) => expect(index.findStatus(v)).toBe(statuses[i]));
    expect(index.findStatus(8)).toBe(-1);
    expect(() => new IsrcIndex(sorted, new Int32Array(3))).toThrow(/wrong size/);
    expect(() => IsrcIndex.table(Float64Array.from([PACKED_ISRC_LIMIT * 2]))).toThrow(RangeError);
  });

  it('sizes tables by an integer rule: at most 0.6 full, at least 16 slots', () => {
    expect(slotBits(0)).toBe(4);
    expect(slotBits(9)).toBe(4); // 9 of 16 = 0.5625
    expect(slotBits(10)).toBe(5); // 10 of 16 = 0.625
    for (const n of [100, 12_345, 10_000_000]) {
      const size = 2 ** slotBits(n);
      expect(n / size).toBeLessThanOrEqual(0.6);
      expect(n / (size / 2)).toBeGreaterThan(0.6);
    }
    expect(slotBits(1)).toBe(4);
    expect(IsrcIndex.tableBytes(10_000_000)).toBe(8 * 2 ** 24);
  });

  it('tableProblem finds a tampered slot, a missing key and a changed status', () => {
    const sorted = Float64Array.from(Array.from({ length: 40 }, (_, i) => 1e14 + i * 7));
    const statuses = Uint8Array.from(sorted, (_, i) => (i % 3 === 0 ? 21 : 0));
    const good = IsrcIndex.table(sorted, statuses);
    expect(IsrcIndex.tableProblem(good, sorted, statuses)).toBeNull();
    // Every single flipped bit in the table is found.
    for (let w = 0; w < good.length; w++) {
      for (const bit of [0, 5, 17, 24, 25, 31]) {
        const t = good.slice();
        t[w] = (t[w] as number) ^ (1 << bit);
        expect(IsrcIndex.tableProblem(t, sorted, statuses), `word ${w} bit ${bit}`).not.toBeNull();
      }
    }
    // A key moved behind an empty slot cannot be reached.
    const occupied = [...Array(good.length / 2).keys()].filter((j) => good[2 * j + 1] !== 0);
    const empty = [...Array(good.length / 2).keys()].filter((j) => good[2 * j + 1] === 0);
    const moved = good.slice();
    const from = occupied[0] as number;
    const to = empty.find((j) => j !== (from + 1) % (good.length / 2) && j > from) ?? empty[0] ?? 0;
    moved[2 * to] = moved[2 * from] as number;
    moved[2 * to + 1] = moved[2 * from + 1] as number;
    moved[2 * from] = 0;
    moved[2 * from + 1] = 0;
    expect(IsrcIndex.tableProblem(moved, sorted, statuses)?.reason).toMatch(/not reachable|do not hold/);
    const otherStatuses = statuses.slice();
    otherStatuses[4] = 1;
    expect(IsrcIndex.tableProblem(good, sorted, otherStatuses)?.reason).toMatch(/do not hold/);
    expect(IsrcIndex.tableProblem(good, sorted.subarray(0, 39), statuses)?.reason).toMatch(/occupied slots/);
  });

  it('answers -1 on an empty index', () => {
    const index = new IsrcIndex(new Float64Array(0));
    expect(index.find(5)).toBe(-1);
    expect(index.findStatus(5)).toBe(-1);
  });

  it('copes with clustered values (one registrant holding most codes)', () => {
    const vals = [...Array.from({ length: 1000 }, (_, i) => 1e14 + i), 5, 3e14];
    const sorted = Float64Array.from(vals.sort((a, b) => a - b));
    const index = new IsrcIndex(sorted);
    sorted.forEach((v, i) => expect(index.find(v)).toBe(i));
    expect(index.find(1e14 + 1000)).toBe(-1);
  });
});
