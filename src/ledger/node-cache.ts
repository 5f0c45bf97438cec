/**
 * Hashes of the upper levels of the tree, kept in memory. A complete subtree never changes, so a node
 * read once is valid forever, and the levels near the root are shared by every proof. The store loads
 * them all at once on first use (they are few: about 2 * size / 2^level), so that every proof reads
 * the same handful of bottom-level nodes from the database whatever the size of the log. Only
 * committed nodes may enter (the store that owns the cache reads outside transactions).
 */
import { bitLength } from './bits.js';
import { nodeRowId, upperLevelsFrom } from './node-layout.js';
import type { NodeId } from './plan.js';

/** Levels below this are never kept: a 10M-entry log has 78k nodes at level 8 and above. */
export const CACHE_MIN_LEVEL = 8;
/** Bound on the nodes kept (a few tens of MB). */
export const MAX_NODES = 500_000;

/** The lowest level to keep for a log of `size` entries, so that the levels above hold at most ~2^18 nodes. */
export function cacheLevelFor(size: number): number {
  return Math.max(CACHE_MIN_LEVEL, bitLength(size) - 17);
}

export class NodeCache {
  readonly #nodes = new Map<number, Uint8Array>();
  #minLevel = CACHE_MIN_LEVEL;
  #minKey = upperLevelsFrom(CACHE_MIN_LEVEL);

  /** The lowest level kept. */
  get minLevel(): number {
    return this.#minLevel;
  }

  /** Starts over, keeping levels >= `minLevel` from now on. */
  reset(minLevel: number): void {
    this.#nodes.clear();
    this.#minLevel = Math.max(CACHE_MIN_LEVEL, minLevel);
    this.#minKey = upperLevelsFrom(this.#minLevel);
  }

  /** The smallest key kept: upper levels follow each other, so `key >= minKey` is `level >= minLevel`. */
  get minKey(): number {
    return this.#minKey;
  }

  /** Splits `ids` into the hashes already known (into `found`) and the ids still to read. */
  lookup(ids: readonly NodeId[], found: Map<number, Uint8Array>): NodeId[] {
    const missing: NodeId[] = [];
    for (const id of ids) {
      const key = id.level >= this.#minLevel ? nodeRowId(id.level, id.index) : -1;
      const h = key < 0 ? undefined : this.#nodes.get(key);
      if (h === undefined) missing.push(id);
      else found.set(key, h);
    }
    return missing;
  }

  /** Keeps the upper-level nodes of hashes read from the database (keyed by `nodeRowId`). */
  keep(read: ReadonlyMap<number, Uint8Array>): void {
    for (const [key, hash] of read) {
      if (key < this.#minKey) continue;
      // Full: start over rather than track recency; the hot nodes come back within a few proofs.
      if (this.#nodes.size >= MAX_NODES) this.#nodes.clear();
      this.#nodes.set(key, hash);
    }
  }

  get size(): number {
    return this.#nodes.size;
  }
}
