import type { StoredNode } from './compact-range.js';
import { LedgerError } from './errors.js';

/**
 * Node hashes held in memory, one array per level: the reference store for tests, benchmarks and
 * small tools. A database store answers the same `getNode` contract from its node table.
 *
 * @example
 * const store = new MemoryNodeStore();
 * const range = CompactRange.empty();
 * for (const leaf of leaves) store.addAll(range.append(leaf));
 * const proof = inclusionProof(3, range.size, store.getNode);
 */
export class MemoryNodeStore {
  readonly #levels: Uint8Array[][] = [];

  /** Keeps the nodes `CompactRange.append` returned. */
  addAll(nodes: readonly StoredNode[]): void {
    for (const n of nodes) (this.#levels[n.level] ??= [])[n.index] = n.hash;
  }

  /** Hash of the perfect subtree (level, index); throws LEDGER_NODE_MISSING when it was never added. */
  readonly getNode = (level: number, index: number): Uint8Array => {
    const hash = this.#levels[level]?.[index];
    if (hash === undefined)
      throw new LedgerError('LEDGER_NODE_MISSING', `no node at level ${level}, index ${index}`);
    return hash;
  };
}
