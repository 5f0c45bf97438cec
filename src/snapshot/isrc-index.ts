/**
 * Finding a packed ISRC among millions (pure): an open-addressing hash table (linear probing, load at
 * most 0.6) whose 16-byte slots hold the key itself, its position in the sorted array and its status
 * byte, so a probe costs one cache miss: the slot answers without touching the key or status arrays.
 *
 * Why a hash and not a search of the sorted array: ISRCs cluster (a few countries, registrants numbered
 * in sequence), so interpolating over the value range puts most keys in a few buckets, and a bisection
 * over 10M keys is some twenty misses. On the 10M bench registry, inside the manifest scan: about 700 ns
 * a row with buckets, 400 with a table of positions (slot, key and status: three misses), less with the
 * key in the slot. The table is an `Int32Array` the caller may place in shared memory (`IsrcIndex.table`),
 * so worker threads use one copy, built once.
 *
 * Slot i: [4i] low 32 bits of the key, [4i+1] its high 21 bits | status << 21, [4i+2] position + 1
 * (0: empty).
 *
 * @example
 * const index = new IsrcIndex(view.isrcs);
 * index.find(packIsrc('FRZ032500001')); // position in view.isrcs, or -1
 */
const TWO_32 = 4294967296;
const HI_MASK = 0x1fffff;

function slotBits(n: number): number {
  return Math.max(4, Math.ceil(Math.log2(Math.max(1, n) / 0.6)));
}

/** The hash of a packed ISRC (an integer below 2^53) to `bits` bits. */
function hash(lo: number, hi: number, bits: number): number {
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> (32 - bits);
}

export class IsrcIndex {
  readonly #keys: Float64Array;
  readonly #table: Int32Array;
  readonly #bits: number;
  readonly #mask: number;

  /**
   * @param sorted the packed ISRCs (each at most once)
   * @param table a table `IsrcIndex.table(sorted, statuses)` made before (e.g. shared with worker threads)
   */
  constructor(sorted: Float64Array, table?: Int32Array) {
    this.#keys = sorted;
    this.#bits = slotBits(sorted.length);
    this.#mask = 2 ** this.#bits - 1;
    if (table !== undefined && table.length !== 4 * 2 ** this.#bits) throw new Error('ISRC table of the wrong size for these keys');
    this.#table = table ?? IsrcIndex.table(sorted);
  }

  /**
   * The slot table of `sorted`, with each key's status byte from `statuses` (0 without), in `memory` when
   * given (a SharedArrayBuffer of `tableBytes(sorted.length)` bytes).
   */
  static table(sorted: Float64Array, statuses?: Uint8Array, memory?: SharedArrayBuffer): Int32Array {
    const bits = slotBits(sorted.length);
    const size = 2 ** bits;
    const mask = size - 1;
    const t = memory === undefined ? new Int32Array(4 * size) : new Int32Array(memory, 0, 4 * size);
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i] as number;
      const lo = v >>> 0;
      const hi = (v / TWO_32) | 0;
      let j = hash(lo, hi, bits);
      while (t[4 * j + 2] !== 0) j = (j + 1) & mask;
      t[4 * j] = lo | 0;
      t[4 * j + 1] = hi | ((statuses?.[i] ?? 0) << 21);
      t[4 * j + 2] = i + 1;
    }
    return t;
  }

  /** Bytes of the table for `n` keys (to allocate shared memory for it). */
  static tableBytes(n: number): number {
    return 16 * 2 ** slotBits(n);
  }

  get size(): number {
    return this.#keys.length;
  }

  /** The slot of `packed` (its index in the table / 4), or -1. */
  #slot(packed: number): number {
    if (packed < 0) return -1;
    const t = this.#table;
    const mask = this.#mask;
    const lo = packed >>> 0;
    const hi = (packed / TWO_32) | 0;
    const lo32 = lo | 0;
    let j = hash(lo, hi, this.#bits);
    for (;;) {
      const at = 4 * j;
      if (t[at + 2] === 0) return -1;
      if (t[at] === lo32 && ((t[at + 1] as number) & HI_MASK) === hi) return j;
      j = (j + 1) & mask;
    }
  }

  /** Position of `packed` in the sorted array, or -1 (also for -1, the "not an ISRC" value). */
  find(packed: number): number {
    const j = this.#slot(packed);
    return j < 0 ? -1 : (this.#table[4 * j + 2] as number) - 1;
  }

  /** The status byte stored with `packed` (a table built with statuses), or -1 when absent. */
  findStatus(packed: number): number {
    const j = this.#slot(packed);
    return j < 0 ? -1 : ((this.#table[4 * j + 1] as number) >>> 21) & 0xff;
  }
}
