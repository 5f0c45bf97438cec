/**
 * Synthetic fingerprints for tests and benchmarks (pure, seeded): random items, and copies with a
 * given share of bits flipped, the way re-encoding and noise disturb a real fingerprint.
 */

/** mulberry32: small, fast, deterministic. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomFingerprint(length: number, rnd: () => number): Uint32Array {
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rnd() * 4294967296) >>> 0;
  return out;
}

/** A copy of `raw` with each bit flipped with probability `rate`. */
export function flipBits(raw: Uint32Array, rate: number, rnd: () => number): Uint32Array {
  const out = Uint32Array.from(raw);
  for (let i = 0; i < out.length; i++) {
    let mask = 0;
    for (let b = 0; b < 32; b++) if (rnd() < rate) mask |= 1 << b;
    out[i] = (out[i]! ^ mask) >>> 0;
  }
  return out;
}
