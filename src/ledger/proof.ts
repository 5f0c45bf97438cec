import { CompactRange } from './compact-range.js';
import { LedgerError } from './errors.js';
import { emptyRoot, isHash, nodeHash } from './hash.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { consistencyProofPlan, inclusionProofPlan, rootPlan, type ProofPlan } from './plan.js';

/**
 * Reads the stored hash of the perfect subtree at (level, index) (see `NodeId`). Level 0 holds the
 * leaf hashes. Only nodes wholly inside the tree being proven are asked for.
 */
export type GetNode = (level: number, index: number) => Uint8Array;

/**
 * Turns a plan into proof hashes: one per step, folding ragged steps right to left. For stores that
 * fetch `planNodeIds(plan)` in one batch, then pass a lookup over what they fetched.
 *
 * @example
 * const plan = inclusionProofPlan(5, size);
 * const rows = await store.nodes(planNodeIds(plan));
 * const proof = proofFromPlan(plan, (level, index) => rows.get(`${level}/${index}`)!);
 */
export function proofFromPlan(plan: ProofPlan, getNode: GetNode): Uint8Array[] {
  return plan.steps.map((step) => {
    let h: Uint8Array | undefined;
    for (let j = step.length - 1; j >= 0; j--) {
      const id = step[j]!;
      const node = getNode(id.level, id.index);
      if (!isHash(node)) {
        throw new LedgerError(
          'LEDGER_BAD_HASH',
          `node at level ${id.level}, index ${id.index} is not 32 bytes`,
        );
      }
      h = h === undefined ? node : nodeHash(node, h);
    }
    if (h === undefined) throw new LedgerError('LEDGER_BAD_HASH', 'empty proof step');
    return h;
  });
}

/**
 * RFC 9162 inclusion proof for leaf `index` in the tree of `size` leaves, from stored nodes: reads
 * O(log size) nodes and hashes at most O(log size) times, whatever the size of the log.
 *
 * @example
 * const proof = inclusionProof(3, 10, store.getNode);
 */
export function inclusionProof(index: number, size: number, getNode: GetNode): Uint8Array[] {
  return proofFromPlan(inclusionProofPlan(index, size), getNode);
}

/**
 * RFC 9162 consistency proof from tree size `size1` to `size2` (0 < size1 <= size2), from stored nodes.
 *
 * @example
 * const proof = consistencyProof(7, 10, store.getNode);
 */
export function consistencyProof(size1: number, size2: number, getNode: GetNode): Uint8Array[] {
  return proofFromPlan(consistencyProofPlan(size1, size2), getNode);
}

/**
 * Root hash of the tree of `size` leaves (any size up to the stored one), from stored nodes.
 *
 * @example
 * const root = rootAt(7, store.getNode);
 */
export function rootAt(size: number, getNode: GetNode): Uint8Array {
  const [root] = proofFromPlan(rootPlan(size), getNode);
  return root ?? emptyRoot();
}

/**
 * RFC 9162 root (MTH) of a list of leaf hashes; the empty list gives SHA-256 of "".
 *
 * @example
 * const root = rootFromLeafHashes([leafHash(a), leafHash(b), leafHash(c)]);
 */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  const range = CompactRange.empty();
  for (const h of leafHashes) range.pushOnly(h);
  return range.root();
}

function storeOf(leafHashes: readonly Uint8Array[]): MemoryNodeStore {
  const store = new MemoryNodeStore();
  store.addAll(CompactRange.empty().appendAll(leafHashes));
  return store;
}

/**
 * Inclusion proof for leaf `index` of the tree made of all of `leafHashes` (hashes the whole list:
 * for small trees and tests; a log serves proofs with `inclusionProof` over stored nodes).
 *
 * @example
 * const proof = inclusionProofFromLeaves(1, [h0, h1, h2]);
 */
export function inclusionProofFromLeaves(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  inclusionProofPlan(index, leafHashes.length); // validate before hashing everything
  return inclusionProof(index, leafHashes.length, storeOf(leafHashes).getNode);
}

/**
 * Consistency proof from the first `size1` leaves to all of `leafHashes` (hashes the whole list).
 *
 * @example
 * const proof = consistencyProofFromLeaves(2, [h0, h1, h2]);
 */
export function consistencyProofFromLeaves(size1: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  consistencyProofPlan(size1, leafHashes.length);
  return consistencyProof(size1, leafHashes.length, storeOf(leafHashes).getNode);
}
