import { half, isCount, isOdd, isPowerOfTwo } from './bits.js';
import { bytesEqual, isHash, nodeHash } from './hash.js';

/**
 * Why a proof was rejected. Verification never throws: proofs come from outside and are hostile.
 * - BAD_NUMBER: a size or index is not a non-negative safe integer (<= 2^53 - 1).
 * - BAD_INPUT: a root is not a Uint8Array, or the proof is not an array.
 * - BAD_HASH: the leaf hash or a proof node is not exactly 32 bytes (also a root that must be folded).
 * - INDEX_OUT_OF_RANGE: leaf index >= tree size.
 * - SIZE_ORDER: size1 > size2.
 * - EMPTY_FIRST_TREE: size1 = 0, which proves nothing (refused even when size2 = 0).
 * - WRONG_PROOF_LENGTH: the proof has more or fewer nodes than (index, size) or (size1, size2) require.
 * - ROOT_MISMATCH: the hashes do not lead to the given root(s).
 */
export type ProofFailure =
  | 'BAD_NUMBER'
  | 'BAD_INPUT'
  | 'BAD_HASH'
  | 'INDEX_OUT_OF_RANGE'
  | 'SIZE_ORDER'
  | 'EMPTY_FIRST_TREE'
  | 'WRONG_PROOF_LENGTH'
  | 'ROOT_MISMATCH';

/** Outcome of a proof check: `ok`, or the reason and a sentence for people. */
export type ProofCheck = { ok: true } | { ok: false; reason: ProofFailure; detail: string };

const OK: ProofCheck = { ok: true };
const fail = (reason: ProofFailure, detail: string): ProofCheck => ({ ok: false, reason, detail });

// Longest proof a 2^53 tree can need (inclusion: 53; consistency: 53 + 1). Anything longer is
// refused before its elements are even looked at.
const MAX_PROOF = 64;

function checkProofArray(proof: unknown): { nodes: readonly Uint8Array[] } | { failure: ProofCheck } {
  if (!Array.isArray(proof)) return { failure: fail('BAD_INPUT', 'the proof is not an array') };
  const items: readonly unknown[] = proof;
  if (items.length > MAX_PROOF)
    return { failure: fail('WRONG_PROOF_LENGTH', `a proof of ${items.length} nodes is too long`) };
  const nodes = items.filter(isHash);
  if (nodes.length !== items.length)
    return { failure: fail('BAD_HASH', 'every proof node must be 32 bytes') };
  return { nodes };
}

/**
 * The RFC 9162 2.1.3.2 walk without hashing: for each proof node, true when it is a left sibling
 * (r = H(p || r)). Its length is the only valid proof length. Bounded by 53 halvings of sn.
 */
function inclusionWalk(index: number, size: number): boolean[] {
  const lefts: boolean[] = [];
  let fn = index;
  let sn = size - 1;
  while (sn > 0) {
    const left = isOdd(fn) || fn === sn;
    if (left && !isOdd(fn)) {
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    lefts.push(left);
    fn = half(fn);
    sn = half(sn);
  }
  return lefts;
}

/**
 * Checks an RFC 9162 (2.1.3.2) inclusion proof that the leaf with hash `leafHash` sits at `index` in
 * the tree of `treeSize` leaves whose root is `root`. Never throws; see `ProofFailure`.
 *
 * @example
 * const check = verifyInclusion({ leafHash: h, index: 3, treeSize: 10, proof, root });
 * if (!check.ok) console.error(check.reason, check.detail);
 */
export function verifyInclusion(input: {
  leafHash: Uint8Array;
  index: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}): ProofCheck {
  const { leafHash, index, treeSize, root } = input;
  if (!isCount(index) || !isCount(treeSize))
    return fail('BAD_NUMBER', 'index and tree size must be safe integers >= 0');
  if (!isHash(leafHash)) return fail('BAD_HASH', 'the leaf hash must be 32 bytes');
  if (!(root instanceof Uint8Array)) return fail('BAD_INPUT', 'the root is not a byte array');
  const checked = checkProofArray(input.proof);
  if ('failure' in checked) return checked.failure;
  const proof = checked.nodes;
  if (index >= treeSize)
    return fail('INDEX_OUT_OF_RANGE', `leaf ${index} is not in a tree of size ${treeSize}`);
  const lefts = inclusionWalk(index, treeSize);
  if (proof.length !== lefts.length) {
    return fail(
      'WRONG_PROOF_LENGTH',
      `leaf ${index} of ${treeSize} needs ${lefts.length} proof nodes, got ${proof.length}`,
    );
  }
  let r = leafHash;
  for (let i = 0; i < proof.length; i++) r = lefts[i] ? nodeHash(proof[i]!, r) : nodeHash(r, proof[i]!);
  return bytesEqual(r, root) ? OK : fail('ROOT_MISMATCH', 'the proof does not lead to the root');
}

/** The RFC 9162 2.1.4.2 walk without hashing: per node after the first, true when it updates both roots. */
function consistencyWalk(size1: number, size2: number): boolean[] {
  const boths: boolean[] = [];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  while (sn > 0) {
    const both = isOdd(fn) || fn === sn;
    if (both && !isOdd(fn)) {
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    boths.push(both);
    fn = half(fn);
    sn = half(sn);
  }
  return boths;
}

/**
 * Checks an RFC 9162 (2.1.4.2) consistency proof that the tree of `size2` leaves with root `root2`
 * extends the tree of `size1` leaves with root `root1`. Equal sizes need an empty proof and equal
 * roots. Never throws; see `ProofFailure`.
 *
 * @example
 * const check = verifyConsistency({ size1: 7, size2: 10, proof, root1, root2 });
 */
export function verifyConsistency(input: {
  size1: number;
  size2: number;
  proof: readonly Uint8Array[];
  root1: Uint8Array;
  root2: Uint8Array;
}): ProofCheck {
  const { size1, size2, root1, root2 } = input;
  if (!isCount(size1) || !isCount(size2)) return fail('BAD_NUMBER', 'tree sizes must be safe integers >= 0');
  if (!(root1 instanceof Uint8Array) || !(root2 instanceof Uint8Array))
    return fail('BAD_INPUT', 'a root is not a byte array');
  const checked = checkProofArray(input.proof);
  if ('failure' in checked) return checked.failure;
  const proof = checked.nodes;
  if (size1 > size2) return fail('SIZE_ORDER', `size1 ${size1} is greater than size2 ${size2}`);
  if (size1 === 0) return fail('EMPTY_FIRST_TREE', 'a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length !== 0) return fail('WRONG_PROOF_LENGTH', 'equal sizes need an empty proof');
    return bytesEqual(root1, root2) ? OK : fail('ROOT_MISMATCH', 'equal sizes but different roots');
  }
  // When size1 is a power of two its root is itself the first node of the path (RFC step 2).
  const seeded = isPowerOfTwo(size1);
  if (seeded && !isHash(root1)) return fail('BAD_HASH', 'root1 must be 32 bytes');
  const boths = consistencyWalk(size1, size2);
  const want = boths.length + (seeded ? 0 : 1);
  if (proof.length !== want) {
    return fail(
      'WRONG_PROOF_LENGTH',
      `sizes ${size1} to ${size2} need ${want} proof nodes, got ${proof.length}`,
    );
  }
  const path = seeded ? [root1, ...proof] : proof;
  let fr = path[0]!;
  let sr = fr;
  for (let i = 0; i < boths.length; i++) {
    const c = path[i + 1]!;
    if (boths[i]) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
    } else {
      sr = nodeHash(sr, c);
    }
  }
  if (!bytesEqual(fr, root1)) return fail('ROOT_MISMATCH', 'the proof does not lead to root1');
  if (!bytesEqual(sr, root2)) return fail('ROOT_MISMATCH', 'the proof does not lead to root2');
  return OK;
}
