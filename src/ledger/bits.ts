/**
 * Integer helpers for tree sizes and leaf indices. Sizes are plain numbers limited to
 * Number.MAX_SAFE_INTEGER (2^53 - 1), far beyond any log this registry will hold; JavaScript's bit
 * operators work on 32 bits only, so these helpers use arithmetic that stays exact up to 2^53.
 */

const TWO_32 = 2 ** 32;

/** True for a non-negative safe integer: the only values accepted as a size or an index. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Number of bits needed to write `x` (0 for 0). */
export function bitLength(x: number): number {
  if (x >= TWO_32) return 64 - Math.clz32(Math.floor(x / TWO_32));
  return 32 - Math.clz32(x);
}

/** Largest power of two strictly less than `n`, for n >= 2 (the RFC 9162 split point k). */
export function splitPoint(n: number): number {
  return 2 ** (bitLength(n - 1) - 1);
}

/** True when `n` is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** (bitLength(n) - 1) === n;
}

/** Halves `x`, dropping the low bit (a right shift by one that is exact above 2^32). */
export function half(x: number): number {
  return Math.floor(x / 2);
}

/** True when the lowest bit of `x` is set. */
export function isOdd(x: number): boolean {
  return x % 2 === 1;
}
