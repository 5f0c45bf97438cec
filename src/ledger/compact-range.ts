import { half, isCount, isOdd } from './bits.js';
import { LedgerError } from './errors.js';
import { emptyRoot, isHash, nodeHash } from './hash.js';
import { rangeNodes, type NodeId } from './plan.js';

/** A node hash to keep: the perfect subtree at (level, index), see `NodeId`. */
export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

/** What a store keeps to resume appending: the tree size and the roots of its compact range. */
export interface Frontier {
  readonly size: number;
  /** Hashes of `rangeNodes(0, size)`, largest subtree first. */
  readonly hashes: readonly Uint8Array[];
}

/**
 * The right edge of a growing log: the roots of the perfect subtrees that cover leaves [0, size),
 * at most one per level (the set bits of `size`). Appending a leaf merges equal-sized subtrees, as a
 * binary counter carries, so N appends cost N - 1 node hashes in total, and every node completed on
 * the way is handed back for the store to keep. The root is folded from at most 53 hashes.
 *
 * @example
 * const range = CompactRange.empty();
 * const nodes = range.append(leafHash(entryBytes)); // [{ level: 0, index: 0, hash }]
 * const root = range.root();
 */
export class CompactRange {
  #size: number;
  readonly #hashes: Uint8Array[];

  private constructor(size: number, hashes: Uint8Array[]) {
    this.#size = size;
    this.#hashes = hashes;
  }

  /** A range over no leaves. */
  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /**
   * Resumes from a stored frontier (e.g. the nodes `rangeNodes(0, size)` read back from the store).
   *
   * @example
   * const again = CompactRange.fromFrontier(range.frontier());
   */
  static fromFrontier(frontier: Frontier): CompactRange {
    const { size, hashes } = frontier;
    if (!isCount(size)) throw new LedgerError('LEDGER_OUT_OF_RANGE', `bad tree size ${String(size)}`);
    const want = rangeNodes(0, size).length;
    if (!Array.isArray(hashes) || hashes.length !== want || !hashes.every(isHash)) {
      throw new LedgerError('LEDGER_BAD_HASH', `a frontier of size ${size} needs ${want} hashes of 32 bytes`);
    }
    return new CompactRange(
      size,
      hashes.map((h) => Uint8Array.from(h)),
    );
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** A copy of the state to persist. */
  frontier(): Frontier {
    return { size: this.#size, hashes: this.#hashes.map((h) => Uint8Array.from(h)) };
  }

  /**
   * Appends one leaf hash and returns the nodes it completes: the leaf itself (level 0) and each new
   * parent, lowest level first.
   */
  append(leafHash: Uint8Array): StoredNode[] {
    const out: StoredNode[] = [];
    this.#push(leafHash, out);
    return out;
  }

  /** Appends leaf hashes in order; returns every node completed, in the order they were made. */
  appendAll(leafHashes: readonly Uint8Array[]): StoredNode[] {
    const out: StoredNode[] = [];
    for (const h of leafHashes) this.#push(h, out);
    return out;
  }

  /** RFC 9162 root hash of the leaves appended so far (SHA-256 of "" when none). */
  root(): Uint8Array {
    const hashes = this.#hashes;
    let r = hashes[hashes.length - 1];
    if (r === undefined) return emptyRoot();
    for (let i = hashes.length - 2; i >= 0; i--) r = nodeHash(hashes[i]!, r);
    return r;
  }

  #push(leafHash: Uint8Array, out: StoredNode[] | undefined): void {
    if (!isHash(leafHash)) throw new LedgerError('LEDGER_BAD_HASH', 'a leaf hash must be 32 bytes');
    if (this.#size >= Number.MAX_SAFE_INTEGER)
      throw new LedgerError('LEDGER_OUT_OF_RANGE', 'the tree is full');
    let hash = leafHash;
    let level = 0;
    let index = this.#size;
    out?.push({ level, index, hash });
    // Each trailing 1 bit of the old size is a perfect subtree of this level waiting for a right sibling.
    while (isOdd(index)) {
      hash = nodeHash(this.#hashes.pop()!, hash);
      level += 1;
      index = half(index);
      out?.push({ level, index, hash });
    }
    this.#hashes.push(hash);
    this.#size += 1;
  }

  /** Appends without collecting nodes: for computing a root only. */
  pushOnly(leafHash: Uint8Array): void {
    this.#push(leafHash, undefined);
  }
}
