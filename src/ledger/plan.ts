import { bitLength, isCount, splitPoint } from './bits.js';
import { LedgerError } from './errors.js';

/**
 * Address of a perfect (complete) subtree: the node at `level` (0 = leaf) and `index` covers leaves
 * [index * 2^level, (index + 1) * 2^level). Once the tree has grown past its last leaf such a node
 * never changes, so a store can keep it forever and answer proofs for any later tree size from it.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/**
 * One element of a proof: the hash of a subtree given as the perfect subtrees that cover it, left to
 * right. A single node is used as is; several (the ragged right edge of a tree whose size is not a
 * power of two) are folded right to left: h = H(n0, H(n1, ... H(n_k-1, n_k))).
 */
export type ProofStep = readonly NodeId[];

/** What a store must read to serve a proof or a root, and how to combine it (see `proofFromPlan`). */
export interface ProofPlan {
  readonly steps: readonly ProofStep[];
}

/**
 * The perfect subtrees that exactly cover leaves [begin, end), left to right, largest possible each.
 *
 * @example
 * rangeNodes(0, 6); // [{ level: 2, index: 0 }, { level: 1, index: 2 }]
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let at = begin;
  while (at < end) {
    let size = at === 0 ? 2 ** (bitLength(end) - 1) : lowestSetBit(at);
    while (size > end - at) size /= 2;
    out.push({ level: bitLength(size) - 1, index: at / size });
    at += size;
  }
  return out;
}

function lowestSetBit(x: number): number {
  let p = 1;
  while (x % (p * 2) === 0) p *= 2;
  return p;
}

/**
 * Which nodes make up the RFC 9162 inclusion proof (PATH) of leaf `index` in the tree of `size` leaves.
 * Integer work only; a store fetches `planNodeIds(plan)` in one query and calls `proofFromPlan`.
 *
 * @example
 * inclusionProofPlan(2, 3).steps; // [[{ level: 1, index: 0 }]]
 */
export function inclusionProofPlan(index: number, size: number): ProofPlan {
  if (!isCount(index) || !isCount(size) || index >= size) {
    throw new LedgerError(
      'LEDGER_OUT_OF_RANGE',
      `no leaf ${String(index)} in a tree of size ${String(size)}`,
    );
  }
  // PATH(m, D[lo:hi]) recurses into the half holding m and appends the other half's hash; walking
  // top-down collects siblings root-first, so the list is reversed into the RFC's leaf-first order.
  const steps: ProofStep[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      steps.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      steps.push(rangeNodes(lo, lo + k));
      lo += k;
    }
  }
  return { steps: steps.reverse() };
}

/**
 * Which nodes make up the RFC 9162 consistency proof (SUBPROOF) from tree size `size1` to `size2`.
 * Equal sizes give an empty plan. `size1` = 0 is refused: every tree extends the empty one.
 *
 * @example
 * consistencyProofPlan(3, 4).steps.length; // 3
 */
export function consistencyProofPlan(size1: number, size2: number): ProofPlan {
  if (!isCount(size1) || !isCount(size2) || size1 === 0 || size1 > size2) {
    throw new LedgerError(
      'LEDGER_OUT_OF_RANGE',
      `no consistency proof from size ${String(size1)} to ${String(size2)}`,
    );
  }
  const steps: ProofStep[] = [];
  let lo = 0;
  let hi = size2;
  let whole = true; // the RFC's b flag: true while D[lo:hi] is still a prefix the verifier knows the root of
  while (size1 !== hi) {
    const k = splitPoint(hi - lo);
    if (size1 - lo <= k) {
      steps.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      steps.push(rangeNodes(lo, lo + k));
      lo += k;
      whole = false;
    }
  }
  if (!whole) steps.push(rangeNodes(lo, hi));
  return { steps: steps.reverse() };
}

/**
 * The nodes whose hashes fold into the root of the tree of `size` leaves (its compact range).
 *
 * @example
 * rootPlan(5).steps; // [[{ level: 2, index: 0 }, { level: 0, index: 4 }]]
 */
export function rootPlan(size: number): ProofPlan {
  if (!isCount(size)) throw new LedgerError('LEDGER_OUT_OF_RANGE', `bad tree size ${String(size)}`);
  return { steps: size === 0 ? [] : [rangeNodes(0, size)] };
}

/**
 * Every node a plan reads, without duplicates, for a batched store lookup.
 *
 * @example
 * planNodeIds(inclusionProofPlan(0, 8)); // [{ level: 0, index: 1 }, { level: 1, index: 1 }, { level: 2, index: 1 }]
 */
export function planNodeIds(plan: ProofPlan): NodeId[] {
  // A number per node (index * 64 + level, exact below 2^47) dedups without building strings.
  const seen = new Set<number | string>();
  const out: NodeId[] = [];
  for (const step of plan.steps) {
    for (const id of step) {
      const key = id.index < 2 ** 47 ? id.index * 64 + id.level : `${id.level}/${id.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(id);
      }
    }
  }
  return out;
}
