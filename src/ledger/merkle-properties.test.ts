// Property tests over random trees: every proof the library builds verifies, and any change to a
// proof, a leaf, a root, an index or a size makes verification fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactRange } from './compact-range.js';
import { leafHash } from './hash.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { consistencyProof, inclusionProof, rootAt } from './proof.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const MAX_SIZE = 200;

/** A tree of `size` distinct random leaves, stored, with the root of every prefix. */
function tree(
  seed: number,
  size: number,
): { leaves: Uint8Array[]; store: MemoryNodeStore; roots: Uint8Array[] } {
  const store = new MemoryNodeStore();
  const range = CompactRange.empty();
  const leaves: Uint8Array[] = [];
  const roots = [range.root()];
  for (let i = 0; i < size; i++) {
    const h = leafHash(new TextEncoder().encode(`${seed}/${i}`));
    leaves.push(h);
    store.addAll(range.append(h));
    roots.push(range.root());
  }
  return { leaves, store, roots };
}

const flip = (b: Uint8Array, bit: number): Uint8Array => {
  const c = Uint8Array.from(b);
  c[(bit >> 3) % c.length]! ^= 1 << (bit & 7);
  return c;
};

// size >= 2 so that "another index" and "another size" exist
const treeCase = fc.record({ seed: fc.nat(), size: fc.integer({ min: 2, max: MAX_SIZE }) });

describe('inclusion proofs over random trees', () => {
  it('every proof verifies, and any tampering fails', () => {
    fc.assert(
      fc.property(treeCase, fc.nat(), fc.nat(), fc.nat(255), ({ seed, size }, a, b, bit) => {
        const t = tree(seed, size);
        const index = a % size;
        const proof = inclusionProof(index, size, t.store.getNode);
        const base = { leafHash: t.leaves[index]!, index, treeSize: size, proof, root: t.roots[size]! };
        expect(verifyInclusion(base)).toEqual({ ok: true });
        expect(verifyInclusion({ ...base, leafHash: flip(base.leafHash, bit) }).ok).toBe(false);
        expect(verifyInclusion({ ...base, root: flip(base.root, bit) }).ok).toBe(false);
        if (proof.length > 0) {
          const at = b % proof.length;
          const bad = proof.map((p, i) => (i === at ? flip(p, bit) : p));
          expect(verifyInclusion({ ...base, proof: bad }).ok).toBe(false);
          expect(verifyInclusion({ ...base, proof: proof.slice(0, -1) }).ok).toBe(false);
          expect(verifyInclusion({ ...base, proof: proof.slice(1) }).ok).toBe(false);
        }
        expect(verifyInclusion({ ...base, proof: [...proof, t.leaves[0]!] }).ok).toBe(false);
        expect(verifyInclusion({ ...base, proof: [t.roots[size]!, ...proof] }).ok).toBe(false);
        const other = (index + 1 + (b % (size - 1))) % size; // any index but `index`
        expect(verifyInclusion({ ...base, index: other }).ok).toBe(false);
        expect(verifyInclusion({ ...base, index: size }).ok).toBe(false);
        // Another size, checked against that size's own root (the signed checkpoint binds root and size).
        const size2 = index + 1 + (b % (size - index));
        if (size2 !== size)
          expect(verifyInclusion({ ...base, treeSize: size2, root: t.roots[size2]! }).ok).toBe(false);
      }),
    );
  });
});

describe('consistency proofs over random trees', () => {
  it('every proof verifies, and any tampering fails', () => {
    fc.assert(
      fc.property(treeCase, fc.nat(), fc.nat(), fc.nat(255), ({ seed, size }, a, b, bit) => {
        const t = tree(seed, size);
        const size1 = 1 + (a % size);
        const proof = consistencyProof(size1, size, t.store.getNode);
        const base = { size1, size2: size, proof, root1: t.roots[size1]!, root2: t.roots[size]! };
        expect(verifyConsistency(base)).toEqual({ ok: true });
        expect(verifyConsistency({ ...base, root1: flip(base.root1, bit) }).ok).toBe(false);
        expect(verifyConsistency({ ...base, root2: flip(base.root2, bit) }).ok).toBe(false);
        if (proof.length > 0) {
          const at = b % proof.length;
          expect(
            verifyConsistency({ ...base, proof: proof.map((p, i) => (i === at ? flip(p, bit) : p)) }).ok,
          ).toBe(false);
          expect(verifyConsistency({ ...base, proof: proof.slice(0, -1) }).ok).toBe(false);
          expect(verifyConsistency({ ...base, proof: proof.slice(1) }).ok).toBe(false);
        }
        expect(verifyConsistency({ ...base, proof: [...proof, t.leaves[0]!] }).ok).toBe(false);
        const other1 = 1 + ((size1 + (b % (size - 1))) % size); // any first size but size1, with its own root
        if (other1 !== size1)
          expect(verifyConsistency({ ...base, size1: other1, root1: t.roots[other1]! }).ok).toBe(false);
        const other2 = size1 + (b % (size - size1 + 1));
        if (other2 !== size)
          expect(verifyConsistency({ ...base, size2: other2, root2: t.roots[other2]! }).ok).toBe(false);
      }),
    );
  });
});

describe('stored nodes serve every earlier size', () => {
  it('roots and proofs at a past size equal those of a tree that stopped there', () => {
    fc.assert(
      fc.property(treeCase, fc.nat(), ({ seed, size }, a) => {
        const big = tree(seed, size);
        const past = 1 + (a % size);
        const small = tree(seed, past);
        expect(rootAt(past, big.store.getNode)).toEqual(small.roots[past]);
        const index = a % past;
        expect(inclusionProof(index, past, big.store.getNode)).toEqual(
          inclusionProof(index, past, small.store.getNode),
        );
      }),
    );
  });
});
