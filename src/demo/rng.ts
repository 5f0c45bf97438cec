/**
 * Keyed pseudo-random streams for the demo data. Every entity (performer, work, recording, act) draws from its
 * own stream keyed by `(seed, stream, index)`, so any performer can be re-derived from its index while the
 * line-ups are written, and nothing has to be held in memory.
 *
 * Hand-written on purpose: pure-rand and seedrandom give sequential generators (seeding one per entity costs
 * more than the draws, and none offers keyed, random-access streams). This is SplitMix32: a Weyl sequence
 * through the MurmurHash3 32-bit finaliser; ample for demo data, not for anything secret.
 *
 * @example
 * const rng = new Rng(hashSeed('demo'));
 * rng.reseed(STREAM.performer, 42).int(10); // the same value for the same seed, stream and index
 */

/** Stream numbers: one per kind of entity, so that performer 7 and recording 7 draw different values. */
export const STREAM = {
  performer: 1,
  mandate: 2,
  work: 3,
  recording: 4,
  act: 5,
  cast: 6,
  isrc: 7,
  show: 8,
  album: 9,
} as const;

const GOLDEN = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser: a bijection of the 32-bit integers that mixes every bit into every other. */
export function fmix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit seed from any text (FNV-1a over UTF-16 code units, then mixed). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A precomputed weighted choice: `pickWeighted(rng, table)`. */
export interface WeightTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
}

export function weights<T>(entries: readonly (readonly [T, number])[]): WeightTable<T> {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, w], i) => (cumulative[i] = sum += w));
  for (let i = 0; i < cumulative.length; i++) cumulative[i] = (cumulative[i] as number) / sum;
  return { items: entries.map(([t]) => t), cumulative };
}

export class Rng {
  private state = 0;

  constructor(private readonly seed: number) {}

  /** Positions this generator at the start of the stream of entity `index` of kind `stream`. */
  reseed(stream: number, index: number): this {
    this.state = fmix((fmix(this.seed ^ Math.imul(stream, GOLDEN)) + Math.imul(index, 0x2c1b3c6d)) | 0);
    return this;
  }

  /** Uniform unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + GOLDEN) | 0;
    return fmix(this.state);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  pickWeighted<T>(table: WeightTable<T>): T {
    const u = this.float();
    const c = table.cumulative;
    for (let i = 0; i < c.length; i++) if (u < (c[i] as number)) return table.items[i] as T;
    return table.items[table.items.length - 1] as T;
  }
}
