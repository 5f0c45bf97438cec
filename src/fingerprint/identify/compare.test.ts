import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignAt, compare, longestSegment, popcount } from './compare.js';
import { ITEM_SECONDS, SILENCE_ITEM, isMatch } from './model.js';
import { flipBits, randomFingerprint, seeded } from './synthetic.js';

describe('popcount', () => {
  it('counts bits as a bit-by-bit loop does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (x) => {
        let n = 0;
        for (let b = 0; b < 32; b++) n += (x >>> b) & 1;
        expect(popcount(x)).toBe(n);
      }),
    );
  });
});

describe('compare', () => {
  const rnd = seeded(42);
  const ref = randomFingerprint(1500, rnd);

  it('finds an excerpt from the middle at its offset, with its bit-error rate', () => {
    const excerpt = flipBits(ref.slice(600, 842), 0.05, rnd);
    const a = compare(excerpt, ref);
    expect(a.offset).toBe(600);
    expect(a.offsetSeconds).toBeCloseTo(600 * ITEM_SECONDS, 2);
    expect(a.overlap).toBe(242);
    expect(a.ber).toBeGreaterThan(0.03);
    expect(a.ber).toBeLessThan(0.07);
    expect(a.score).toBeCloseTo(1 - 2 * a.ber, 6);
    expect(a.matched?.items).toBe(242);
    expect(a.matched?.reference.start).toBeCloseTo(600 * ITEM_SECONDS, 2);
    expect(isMatch(a)).toBe(true);
  });

  it('gives unrelated fingerprints a bit-error rate near 0.5 and no match', () => {
    const other = randomFingerprint(242, rnd);
    const a = compare(other, ref);
    expect(a.ber).toBeGreaterThan(0.4);
    expect(isMatch(a)).toBe(false);
  });

  it('reports only the part that matches when an excerpt is embedded in other audio', () => {
    const inner = flipBits(ref.slice(200, 400), 0.03, rnd);
    const q = new Uint32Array(500);
    q.set(randomFingerprint(150, rnd), 0);
    q.set(inner, 150);
    q.set(randomFingerprint(150, rnd), 350);
    const a = compare(q, ref);
    expect(a.offset).toBe(50);
    const m = a.matched!;
    // The smoothing window blurs each edge by at most half its width (8 items).
    expect(Math.abs(m.query.start - 150 * ITEM_SECONDS)).toBeLessThan(9 * ITEM_SECONDS);
    expect(Math.abs(m.query.end - 350 * ITEM_SECONDS)).toBeLessThan(9 * ITEM_SECONDS);
    expect(m.ber).toBeLessThan(0.1);
  });

  it('never matches silence against silence', () => {
    const silent = new Uint32Array(300).fill(SILENCE_ITEM);
    const a = compare(silent, silent);
    expect(a.ber).toBe(0.5);
    expect(isMatch(a)).toBe(false);
  });

  it('finds a query that starts before the reference (negative offset)', () => {
    const q = new Uint32Array(300);
    q.set(randomFingerprint(100, rnd), 0);
    q.set(ref.slice(0, 200), 100);
    expect(compare(q, ref).offset).toBe(-100);
  });

  it('property: an excerpt with at most 8% of bits flipped, at any offset, is found at that offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 120, max: 260 }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, len, rate, where) => {
          const r = seeded(seed);
          const full = randomFingerprint(len + 50 + Math.floor(r() * 1500), r);
          const at = Math.floor(where * (full.length - len));
          const a = compare(flipBits(full.slice(at, at + len), rate, r), full);
          expect(a.offset).toBe(at);
          expect(isMatch(a)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('longestSegment', () => {
  it('finds the longest low-error run and nothing in noise', () => {
    const e = new Uint8Array(200).fill(16);
    e.fill(1, 40, 140);
    const s = longestSegment(e)!;
    expect(s.start).toBeGreaterThanOrEqual(32);
    expect(s.end).toBeLessThanOrEqual(148);
    expect(s.end - s.start).toBeGreaterThan(95);
    expect(longestSegment(new Uint8Array(100).fill(16))).toBeNull();
    expect(longestSegment(new Uint8Array(0))).toBeNull();
  });

  it('alignAt with no overlap is empty', () => {
    const a = alignAt(new Uint32Array(10), new Uint32Array(10), 50);
    expect(a.overlap).toBe(0);
    expect(a.matched).toBeNull();
  });
});
