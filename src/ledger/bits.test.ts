import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitLength, half, isCount, isOdd, isPowerOfTwo, splitPoint } from './bits.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('53-bit integer helpers', () => {
  it('accepts only non-negative safe integers as counts', () => {
    for (const ok of [0, 1, 2 ** 32, MAX]) expect(isCount(ok)).toBe(true);
    for (const bad of [-1, 0.5, MAX + 1, 2 ** 64, NaN, Infinity, '1', 1n, null, undefined])
      expect(isCount(bad)).toBe(false);
  });

  it('agrees with BigInt arithmetic across the whole safe range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), (x) => {
        const b = BigInt(x);
        expect(bitLength(x)).toBe(b.toString(2).length);
        expect(half(x)).toBe(Number(b >> 1n));
        expect(isOdd(x)).toBe((b & 1n) === 1n);
        expect(isPowerOfTwo(x)).toBe((b & (b - 1n)) === 0n);
        if (x >= 2) {
          const k = splitPoint(x);
          expect(isPowerOfTwo(k) && k < x && k * 2 >= x).toBe(true);
        }
      }),
    );
  });

  it('handles the edges exactly', () => {
    expect(bitLength(0)).toBe(0);
    expect(bitLength(2 ** 32)).toBe(33);
    expect(bitLength(MAX)).toBe(53);
    expect(splitPoint(2)).toBe(1);
    expect(splitPoint(2 ** 40 + 1)).toBe(2 ** 40);
    expect(splitPoint(2 ** 40)).toBe(2 ** 39);
    expect(isPowerOfTwo(0)).toBe(false);
  });
});
