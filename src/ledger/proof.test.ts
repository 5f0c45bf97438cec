import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.js';
import { emptyRoot, leafHash, nodeHash } from './hash.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { inclusionProofPlan, planNodeIds } from './plan.js';
import {
  consistencyProofFromLeaves,
  inclusionProof,
  inclusionProofFromLeaves,
  proofFromPlan,
  rootAt,
  rootFromLeafHashes,
} from './proof.js';

const h = (i: number): Uint8Array => leafHash(Uint8Array.of(i));
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof LedgerError ? e.code : 'other';
  }
  return undefined;
};

describe('proof building', () => {
  it('folds a ragged right edge into one proof node', () => {
    // Leaf 0 of 7: siblings are h1, H(h2, h3) and the ragged MTH(D[4:7]) = H(H(h4, h5), h6).
    const leaves = [0, 1, 2, 3, 4, 5, 6].map(h);
    expect(inclusionProofFromLeaves(0, leaves)).toEqual([
      h(1),
      nodeHash(h(2), h(3)),
      nodeHash(nodeHash(h(4), h(5)), h(6)),
    ]);
    expect(rootFromLeafHashes(leaves)).toEqual(
      nodeHash(nodeHash(nodeHash(h(0), h(1)), nodeHash(h(2), h(3))), nodeHash(nodeHash(h(4), h(5)), h(6))),
    );
  });

  it('serves a batched lookup through planNodeIds and proofFromPlan', () => {
    const leaves = [0, 1, 2, 3, 4, 5, 6].map(h);
    const plan = inclusionProofPlan(5, 7);
    const fetched = new Map(planNodeIds(plan).map((id) => [`${id.level}/${id.index}`, id]));
    const store = new MemoryNodeStore();
    for (const [i, leaf] of leaves.entries()) store.addAll([{ level: 0, index: i, hash: leaf }]);
    store.addAll([
      { level: 1, index: 0, hash: nodeHash(h(0), h(1)) },
      { level: 1, index: 1, hash: nodeHash(h(2), h(3)) },
      { level: 1, index: 2, hash: nodeHash(h(4), h(5)) },
      { level: 2, index: 0, hash: nodeHash(nodeHash(h(0), h(1)), nodeHash(h(2), h(3))) },
    ]);
    const lookup = (level: number, index: number): Uint8Array => {
      expect(fetched.has(`${level}/${index}`)).toBe(true); // only what the plan listed is read
      return store.getNode(level, index);
    };
    expect(proofFromPlan(plan, lookup)).toEqual(inclusionProofFromLeaves(5, leaves));
  });

  it('gives the empty root for size 0 and reports missing or bad nodes with codes', () => {
    const store = new MemoryNodeStore();
    expect(rootAt(0, store.getNode)).toEqual(emptyRoot());
    expect(rootFromLeafHashes([])).toEqual(emptyRoot());
    expect(code(() => inclusionProof(0, 2, store.getNode))).toBe('LEDGER_NODE_MISSING');
    expect(code(() => inclusionProof(0, 2, () => new Uint8Array(31)))).toBe('LEDGER_BAD_HASH');
    expect(code(() => inclusionProofFromLeaves(2, [h(0), h(1)]))).toBe('LEDGER_OUT_OF_RANGE');
    expect(code(() => consistencyProofFromLeaves(0, [h(0)]))).toBe('LEDGER_OUT_OF_RANGE');
    expect(code(() => rootFromLeafHashes([new Uint8Array(3)]))).toBe('LEDGER_BAD_HASH');
  });
});

describe('hashes', () => {
  it('follow RFC 9162: leaf 0x00 prefix, node 0x01 prefix, empty tree SHA-256("")', () => {
    expect(Buffer.from(emptyRoot()).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // RFC 6962 test leaf "" (empty) has hash SHA-256(0x00).
    expect(Buffer.from(leafHash(new Uint8Array(0))).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    const a = nodeHash(h(1), h(2));
    expect(nodeHash(h(1), h(2))).toEqual(a); // the shared scratch buffer leaves no trace
    expect(nodeHash(h(2), h(1))).not.toEqual(a);
  });

  it('hash leaves of any length, on both sides of the 8 KiB scratch buffer', () => {
    for (const n of [0, 1, 8190, 8191, 8192, 20000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 255);
      const want = createHash('sha256').update(Uint8Array.of(0)).update(data).digest();
      expect(Buffer.from(leafHash(data)).equals(want), `length ${n}`).toBe(true);
    }
  });
});
