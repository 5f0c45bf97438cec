/**
 * Finding a packed ISRC among millions (pure). A sorted `Float64Array` with a bucket table over the value
 * range: the bucket gives a short stretch of the array, searched by bisection. About two cache misses per
 * probe, against hashing a string and chasing a `Map` entry (bench/manifest-isrc.js).
 *
 * @example
 * const index = new IsrcIndex(view.isrcs);
 * index.find(packIsrc('FRZ032500001')); // position in view.isrcs, or -1
 */
export class IsrcIndex {
  readonly #keys: Float64Array;
  readonly #starts: Uint32Array;
  readonly #min: number;
  readonly #scale: number;
  readonly #buckets: number;

  constructor(sorted: Float64Array) {
    this.#keys = sorted;
    const n = sorted.length;
    this.#buckets = Math.max(1, 2 ** Math.ceil(Math.log2(Math.max(1, n / 2))));
    this.#min = n > 0 ? (sorted[0] as number) : 0;
    const span = n > 0 ? (sorted[n - 1] as number) - this.#min + 1 : 1;
    this.#scale = this.#buckets / span;
    const starts = new Uint32Array(this.#buckets + 1);
    let b = 0;
    for (let i = 0; i < n; i++) {
      const k = this.#bucket(sorted[i] as number);
      while (b <= k) starts[b++] = i;
    }
    while (b <= this.#buckets) starts[b++] = n;
    this.#starts = starts;
  }

  get size(): number {
    return this.#keys.length;
  }

  #bucket(v: number): number {
    return Math.min(this.#buckets - 1, Math.floor((v - this.#min) * this.#scale));
  }

  /** Position of `packed` in the sorted array, or -1 (also for -1, the "not an ISRC" value). */
  find(packed: number): number {
    if (packed < this.#min) return -1;
    const b = this.#bucket(packed);
    let lo = this.#starts[b] as number;
    let hi = (this.#starts[b + 1] as number) - 1;
    const keys = this.#keys;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = keys[mid] as number;
      if (v < packed) lo = mid + 1;
      else if (v > packed) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}
