import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, integerWeights } from './allocate.js';

describe('allocate', () => {
  it('splits by largest remainder, ties to the lower index', () => {
    expect(allocate(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
    expect(allocate(1000, [65n, 35n])).toEqual([650, 350]);
    expect(allocate(1, [1n, 1n])).toEqual([1, 0]);
    expect(allocate(10, [0n, 3n, 0n])).toEqual([0, 10, 0]);
    // 5 over [1, 2]: floors 1 and 3, remainders 2/3 and 1/3: the cent left goes to the first.
    expect(allocate(5, [1n, 2n])).toEqual([2, 3]);
  });

  it('keeps exact for amounts and weights beyond 2^53 once multiplied', () => {
    const total = 100_000_000_000; // a billion euros in cents
    const parts = allocate(total, [9_007_199_254_740_991n, 1n, 3n]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(parts[1]).toBeLessThanOrEqual(1);
  });

  it('refuses negative or all-zero weights and bad totals', () => {
    expect(() => allocate(10, [0n, 0n])).toThrow(/all zero/);
    expect(allocate(0, [0n, 0n])).toEqual([0, 0]);
    expect(() => allocate(10, [1n, -1n])).toThrow(/negative/);
    expect(() => allocate(-1, [1n])).toThrow(/non-negative/);
    expect(() => allocate(1.5, [1n])).toThrow(/whole/);
    expect(() => integerWeights([1, 0.5], 'weights')).toThrow(/weights/);
  });

  it('always sums to the total, each part within one unit of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const exactFloor = (BigInt(total) * weights[i]!) / sum;
            expect(BigInt(p) - exactFloor >= 0n && BigInt(p) - exactFloor <= 1n).toBe(true);
            if (weights[i] === 0n) expect(p).toBe(0);
          });
        },
      ),
    );
  });

  it('is monotone: a larger weight never gets less (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 2, maxLength: 12 }), (total, weights) => {
        const parts = allocate(total, weights);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) if (weights[i]! > weights[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
        }
      }),
    );
  });
});
