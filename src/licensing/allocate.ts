/**
 * Splitting an amount of money in proportion to weights, exactly: the largest-remainder (Hamilton)
 * method on integers. Every split of money in the licensing desk (a flat fee over the recordings used,
 * a recording's amount over its line-up) goes through here, so that the parts always add up to the
 * whole, to the cent, however the weights fall.
 *
 * BigInt throughout: amounts times weights overflow 2^53 for real figures (a million euros in cents
 * times a weight in the millions), and a float quotient would not be exact.
 */
import { LicensingError } from './errors.js';

/** A non-negative safe integer amount of minor units (cents), or LICENSING_BAD_AMOUNT naming `what`. */
export function assertCents(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LicensingError('LICENSING_BAD_AMOUNT', `${what} must be a whole, non-negative number of cents, got ${String(value)}`, { details: { field: what } });
  }
  return value;
}

/**
 * Parts of `total` in proportion to `weights`: part i is ⌊total·wᵢ/W⌋ plus one unit for the
 * (total − Σ⌊…⌋) largest remainders, ties going to the lower index (the order given is the order of
 * precedence, so the result does not depend on anything but the inputs). Zero weights get zero.
 *
 * @example
 * allocate(100, [1n, 1n, 1n]); // [34, 33, 33]
 * allocate(1000, [65n, 35n]); // [650, 350]
 */
export function allocate(total: number, weights: readonly bigint[]): number[] {
  assertCents(total, 'total');
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new LicensingError('LICENSING_BAD_WEIGHTS', `a weight is negative: ${w}`);
    sum += w;
  }
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new LicensingError('LICENSING_BAD_WEIGHTS', `cannot split ${total} over weights that are all zero`);
  }
  const t = BigInt(total);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const q = (t * w) / sum;
    parts.push(q);
    remainders.push((t * w) % sum);
    given += q;
  }
  // At most weights.length - 1 units are left; hand them to the largest remainders.
  const left = Number(t - given);
  if (left > 0) {
    const order = remainders.map((_, i) => i).sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
    for (let k = 0; k < left; k++) parts[order[k]!]! += 1n;
  }
  return parts.map(Number);
}

/** Weights given as safe non-negative integers (a rule file's numbers), as BigInt, or LICENSING_BAD_WEIGHTS. */
export function integerWeights(values: readonly number[], what: string): bigint[] {
  return values.map((v) => {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new LicensingError('LICENSING_BAD_WEIGHTS', `${what} must be whole, non-negative numbers, got ${String(v)}`, { details: { field: what } });
    }
    return BigInt(v);
  });
}
