/**
 * Hashes of the upper levels of the tree, kept in memory. A complete subtree never changes, so a node
 * read once is valid forever; the levels near the root are shared by every proof, so after a few
 * proofs each one reads only its bottom levels from the database, whatever the size of the log.
 * Only committed nodes may enter (the store that owns the cache reads outside transactions).
 */
import { nodeKey } from './sql-nodes.js';
import type { NodeId } from './plan.js';

/** Nodes below this level are too many to keep (a 10M-entry log has 39k nodes at level 8 and above). */
export const CACHE_MIN_LEVEL = 8;
const MAX_NODES = 500_000;

export class NodeCache {
  readonly #nodes = new Map<string, Uint8Array>();

  /** Splits `ids` into the hashes already known (into `found`) and the ids still to read. */
  lookup(ids: readonly NodeId[], found: Map<string, Uint8Array>): NodeId[] {
    const missing: NodeId[] = [];
    for (const id of ids) {
      const h = id.level >= CACHE_MIN_LEVEL ? this.#nodes.get(nodeKey(id.level, id.index)) : undefined;
      if (h === undefined) missing.push(id);
      else found.set(nodeKey(id.level, id.index), h);
    }
    return missing;
  }

  /** Keeps the upper-level nodes of a map read from the database. */
  keep(read: ReadonlyMap<string, Uint8Array>): void {
    for (const [key, hash] of read) {
      if (Number(key.slice(0, key.indexOf('/'))) < CACHE_MIN_LEVEL) continue;
      // Full: start over rather than track recency; the hot nodes come back within a few proofs.
      if (this.#nodes.size >= MAX_NODES) this.#nodes.clear();
      this.#nodes.set(key, hash);
    }
  }

  get size(): number {
    return this.#nodes.size;
  }
}
