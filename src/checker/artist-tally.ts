/**
 * Counting rows by artist straight from a chunk's bytes (pure), for the manifest summary's top
 * performers: an open-addressing table keyed by two 32-bit FNV-1a hashes of the artist's bytes; a name
 * is decoded the first time its artist is seen, and a tally lives across a worker's chunks, so that it
 * crosses to the main thread once, not once per chunk. Why not a `Map`: its keys would be 52-bit doubles,
 * boxed on every call; on the fast path (5M reserved rows in the 10M bench) that cost some 60 ns a row.
 * 64 bits of hash make a merge of two different artists negligible at any count.
 *
 * @example
 * const t = new ArtistTally();
 * t.add(buf, 10, 13); t.add(buf, 40, 43);
 * t.entries(); // [{ name: 'Zaz', n: 2 }]
 */

export class ArtistTally {
  #h1 = new Int32Array(64);
  #h2 = new Int32Array(64);
  /** Slot → index into names / counts, plus one (0: empty). */
  #ids = new Int32Array(64);
  #names: string[] = [];
  #counts: number[] = [];

  /** Artists held. */
  get size(): number {
    return this.#names.length;
  }

  /** Counts one row of the artist in bytes [a, b) of `buf`. */
  add(buf: Buffer, a: number, b: number): void {
    // As int32 from the start, like the table's words (0x811c9dc5 is above 2^31).
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x01000193;
    for (let i = a; i < b; i++) {
      const c = buf[i] as number;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    const ids = this.#ids;
    const mask = ids.length - 1;
    let j = (h1 ^ (h2 >>> 16)) & mask;
    for (;;) {
      const id = ids[j] as number;
      if (id === 0) break;
      if (this.#h1[j] === h1 && this.#h2[j] === h2) {
        this.#counts[id - 1] = (this.#counts[id - 1] as number) + 1;
        return;
      }
      j = (j + 1) & mask;
    }
    this.#names.push(buf.toString('utf8', a, b).trim() || '(no artist given)');
    this.#counts.push(1);
    this.#h1[j] = h1;
    this.#h2[j] = h2;
    ids[j] = this.#names.length;
    if (2 * this.#names.length > ids.length) this.#grow();
  }

  /** Each artist with its count, in the order first seen. */
  entries(): { name: string; n: number }[] {
    return this.#names.map((name, i) => ({ name, n: this.#counts[i] as number }));
  }

  /** Forgets every artist (after `entries` were handed on). */
  clear(): void {
    this.#h1 = new Int32Array(64);
    this.#h2 = new Int32Array(64);
    this.#ids = new Int32Array(64);
    this.#names = [];
    this.#counts = [];
  }

  #grow(): void {
    const [h1, h2, ids] = [this.#h1, this.#h2, this.#ids];
    const size = ids.length * 2;
    this.#h1 = new Int32Array(size);
    this.#h2 = new Int32Array(size);
    this.#ids = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === 0) continue;
      const a = h1[i] as number;
      const b = h2[i] as number;
      let j = (a ^ (b >>> 16)) & mask;
      while (this.#ids[j] !== 0) j = (j + 1) & mask;
      this.#h1[j] = a;
      this.#h2[j] = b;
      this.#ids[j] = ids[i] as number;
    }
  }
}
