// Shared helpers for the ledger benchmarks (plain Node ESM, run against dist/ after `npm run build`).
import { hash } from 'node:crypto';

/** Positive integer from an environment variable, or the default. */
export function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/**
 * Milliseconds taken by each function, best of `rounds` runs. The functions take turns within each
 * round so that a baseline and its subject see the same load on a shared machine.
 */
export function bestMs(fns, rounds = envInt('BENCH_ROUNDS', 5)) {
  const best = fns.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t0 = process.hrtime.bigint();
      fn();
      best[i] = Math.min(best[i], Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return best;
}

/** Deterministic pseudo-random integers (xorshift32), so runs are comparable. */
export function prng(seed = 0x9e3779b9) {
  let x = seed >>> 0 || 1;
  return (max) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return Math.floor((x / 2 ** 32) * max);
  };
}

/** The bare primitive every baseline uses: one-shot SHA-256 of a buffer. */
export function sha256(bytes) {
  return hash('sha256', bytes, 'buffer');
}

export const round = (x, digits = 3) => Number(x.toFixed(digits));
