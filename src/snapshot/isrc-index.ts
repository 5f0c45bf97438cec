/**
 * Finding a packed ISRC among millions (pure): an open-addressing hash table (linear probing, load at
 * most 0.6) whose 8-byte slots hold the key itself and its status byte, so a probe costs one cache miss.
 * The table is built once, when the snapshot is written (format.ts stores it in the file), and read in
 * place: a checker opening a 10M-recording snapshot builds nothing.
 *
 * Why a hash and not a search of the sorted array: ISRCs cluster (a few countries, registrants numbered
 * in sequence), so interpolating over the value range puts most keys in a few buckets, and a bisection
 * over 10M keys is some twenty misses. Why `findStatuses` takes a batch: a probe into a 128 MB table is
 * a cache and TLB miss, and probes made one row at a time inside the manifest scan cost about 180 ns each
 * (the scan's own work keeps the processor from starting the next load), against some 45 ns in a loop of
 * probes only, where the misses overlap.
 *
 * Slot i: [2i] the key's low 32 bits; [2i+1] its high 17 bits | status << 17 | 1 << 25 (occupied).
 * Empty slots are all zero. Packed ISRCs stay below 2^49 (isrc-pack.ts), so 17 bits hold the rest.
 *
 * @example
 * const index = new IsrcIndex(view.isrcs, view.isrcTable ?? IsrcIndex.table(view.isrcs, view.statuses));
 * index.findStatus(packIsrc('FRZ032500001')); // its status byte, or -1
 */
const TWO_32 = 4294967296;
const HI_BITS = 17;
const HI_MASK = (1 << HI_BITS) - 1;
const OCCUPIED = 1 << 25;
/** Keys must stay below this (2^49): the slot's high word holds 17 bits of key. */
const KEY_LIMIT = TWO_32 * (1 << HI_BITS);

/**
 * log2 of the slot count for `n` keys: the least b ≥ 4 with n ≤ 0.6 · 2^b, in integers (5n ≤ 3 · 2^b)
 * so that every reader of the file finds the same size.
 */
export function slotBits(n: number): number {
  let b = 4;
  while (5 * n > 3 * 2 ** b) b++;
  return b;
}

/** The hash of a packed ISRC (an integer below 2^49) to `bits` bits. */
function hash(lo: number, hi: number, bits: number): number {
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> (32 - bits);
}

/** A 32-bit mix of a slot's two words, summed over all slots to compare the table with the key list. */
function mix(lo: number, hiWord: number): number {
  return Math.imul(lo ^ Math.imul(hiWord ^ (lo >>> 15), 0x2c1b3c6d), 0x297a2d39) ^ hiWord;
}

export class IsrcIndex {
  readonly #keys: Float64Array;
  readonly #table: Int32Array;
  readonly #bits: number;
  readonly #mask: number;
  /** Slot numbers of the batch being probed (reused, grown as needed). */
  #batch = new Int32Array(256);

  /**
   * @param sorted the packed ISRCs, strictly ascending
   * @param table a table `IsrcIndex.table(sorted, statuses)` made before (the snapshot's, or shared with
   *   worker threads); without one, a table without statuses is built
   */
  constructor(sorted: Float64Array, table?: Int32Array) {
    this.#keys = sorted;
    this.#bits = slotBits(sorted.length);
    this.#mask = 2 ** this.#bits - 1;
    if (table !== undefined && table.length !== 2 * 2 ** this.#bits)
      throw new Error('ISRC table of the wrong size for these keys');
    this.#table = table ?? IsrcIndex.table(sorted);
  }

  /**
   * The slot table of `sorted`, with each key's status byte from `statuses` (0 without), in `memory` when
   * given (at least `tableBytes(sorted.length)` bytes, e.g. a SharedArrayBuffer or a file's bytes).
   */
  static table(
    sorted: Float64Array,
    statuses?: Uint8Array,
    memory?: ArrayBufferLike,
    offset = 0,
  ): Int32Array {
    const bits = slotBits(sorted.length);
    const size = 2 ** bits;
    const mask = size - 1;
    const t = memory === undefined ? new Int32Array(2 * size) : new Int32Array(memory, offset, 2 * size);
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i] as number;
      if (!(v >= 0 && v < KEY_LIMIT)) throw new RangeError(`not a packed ISRC: ${v}`);
      const lo = v >>> 0;
      const hi = (v / TWO_32) | 0;
      let j = hash(lo, hi, bits);
      while (t[2 * j + 1] !== 0) j = (j + 1) & mask;
      t[2 * j] = lo | 0;
      t[2 * j + 1] = hi | ((statuses?.[i] ?? 0) << HI_BITS) | OCCUPIED;
    }
    return t;
  }

  /** Bytes of the table for `n` keys. */
  static tableBytes(n: number): number {
    return 8 * 2 ** slotBits(n);
  }

  /**
   * Why `table` cannot be the table of `sorted` and `statuses`, or null. One sequential pass (no probe):
   * as many occupied slots as keys, no stray bits, every key reachable from its hash slot without
   * crossing an empty slot, and the same multiset of (key, status) as the lists, compared by two sums of
   * a mix. A table that passes answers every probe, and every probe ends (an empty slot exists).
   */
  static tableProblem(
    table: Int32Array,
    sorted: Float64Array,
    statuses: Uint8Array,
  ): { slot: number; reason: string } | null {
    const bits = slotBits(sorted.length);
    const size = 2 ** bits;
    const mask = size - 1;
    if (table.length !== 2 * size)
      return { slot: 0, reason: `${table.length / 2} slots where ${size} are due` };
    let occupied = 0;
    let sumT = 0;
    let xorT = 0;
    for (let j = 0; j < size; j++) {
      const w = table[2 * j + 1] as number;
      const lo = table[2 * j] as number;
      if (w === 0) {
        if (lo !== 0) return { slot: j, reason: 'an empty slot holds key bits' };
        continue;
      }
      if ((w & ~(OCCUPIED | (0xff << HI_BITS) | HI_MASK)) !== 0 || (w & OCCUPIED) === 0)
        return { slot: j, reason: 'undefined bits are set' };
      const status = (w >>> HI_BITS) & 0xff;
      if ((status & (status >> 1) & 0x55) !== 0)
        return { slot: j, reason: `status code 3 is not defined (byte ${status})` };
      occupied++;
      // Every slot from the key's hash slot up to this one must be occupied, or a probe would stop short.
      for (let k = hash(lo >>> 0, w & HI_MASK, bits); k !== j; k = (k + 1) & mask) {
        if (table[2 * k + 1] === 0) return { slot: j, reason: 'the key is not reachable from its hash slot' };
      }
      sumT = (sumT + mix(lo, w)) | 0;
      xorT ^= mix(w, lo);
    }
    if (occupied !== sorted.length)
      return { slot: 0, reason: `${occupied} occupied slots for ${sorted.length} ISRCs` };
    let sumK = 0;
    let xorK = 0;
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i] as number;
      const lo = (v >>> 0) | 0;
      const w = (v / TWO_32) | 0 | ((statuses[i] as number) << HI_BITS) | OCCUPIED;
      sumK = (sumK + mix(lo, w)) | 0;
      xorK ^= mix(w, lo);
    }
    if (sumK !== sumT || xorK !== xorT)
      return { slot: 0, reason: 'the slots do not hold the ISRCs and statuses of the lists' };
    return null;
  }

  get size(): number {
    return this.#keys.length;
  }

  /** The table's slot of `packed`, or -1. */
  #slot(packed: number, j: number): number {
    const t = this.#table;
    const mask = this.#mask;
    const lo32 = (packed >>> 0) | 0;
    const hi = (packed / TWO_32) | 0;
    for (;;) {
      const w = t[2 * j + 1] as number;
      if (w === 0) return -1;
      if (t[2 * j] === lo32 && (w & HI_MASK) === hi) return j;
      j = (j + 1) & mask;
    }
  }

  #home(packed: number): number {
    return hash(packed >>> 0, (packed / TWO_32) | 0, this.#bits);
  }

  /** Position of `packed` in the sorted array, or -1 (also for -1, the "not an ISRC" value). */
  find(packed: number): number {
    if (!(packed >= 0 && packed < KEY_LIMIT) || this.#slot(packed, this.#home(packed)) < 0) return -1;
    // The slots hold no positions (that keeps them at 8 bytes): a bisection, for the rare caller that needs one.
    const keys = this.#keys;
    let a = 0;
    let b = keys.length - 1;
    while (a <= b) {
      const m = (a + b) >>> 1;
      const v = keys[m] as number;
      if (v === packed) return m;
      if (v < packed) a = m + 1;
      else b = m - 1;
    }
    return -1;
  }

  /** The status byte stored with `packed` (a table built with statuses), or -1 when absent. */
  findStatus(packed: number): number {
    if (!(packed >= 0 && packed < KEY_LIMIT)) return -1;
    const j = this.#slot(packed, this.#home(packed));
    return j < 0 ? -1 : ((this.#table[2 * j + 1] as number) >>> HI_BITS) & 0xff;
  }

  /**
   * `findStatus` of `keys[0..n)` into `out[0..n)`: the hash slots first, then the probes in a loop of
   * their own, whose cache misses overlap.
   */
  findStatuses(keys: Float64Array, n: number, out: Int16Array | Int32Array): void {
    if (this.#batch.length < n) this.#batch = new Int32Array(n);
    const home = this.#batch;
    const bits = this.#bits;
    const mask = this.#mask;
    const t = this.#table;
    for (let k = 0; k < n; k++) {
      const v = keys[k] as number;
      home[k] = v >= 0 && v < KEY_LIMIT ? hash(v >>> 0, (v / TWO_32) | 0, bits) : -1;
    }
    // The probe written out here (not #slot): this loop is the fast path of every manifest row.
    for (let k = 0; k < n; k++) {
      let j = home[k] as number;
      let r = -1;
      if (j >= 0) {
        const v = keys[k] as number;
        const lo32 = (v >>> 0) | 0;
        const hi = (v / TWO_32) | 0;
        for (;;) {
          const w = t[2 * j + 1] as number;
          if (w === 0) break;
          if (t[2 * j] === lo32 && (w & HI_MASK) === hi) {
            r = (w >>> HI_BITS) & 0xff;
            break;
          }
          j = (j + 1) & mask;
        }
      }
      out[k] = r;
    }
  }
}
