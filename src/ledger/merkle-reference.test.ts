// src/ledger against an independent reference written from the RFC 9162 recursive definitions
// (test/fixtures/merkle/rfc-reference.ts), for every tree size 1..64, and against vectors that
// reference produced and that are committed under test/fixtures/merkle/ (see the README there).
// Regenerate the vectors with: UPDATE_MERKLE_VECTORS=1 npx vitest run src/ledger/merkle-reference.test.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mth, path, proof, referenceLeaves } from '../../test/fixtures/merkle/rfc-reference.js';
import { CompactRange } from './compact-range.js';
import { leafHash } from './hash.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { consistencyProof, inclusionProof, rootAt } from './proof.js';

const MAX = 64;
const vectorsFile = fileURLToPath(
  new URL('../../test/fixtures/merkle/rfc-reference-vectors.json', import.meta.url),
);
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

interface Vectors {
  note: string;
  leaves: string;
  roots: string[];
  inclusion: { size: number; index: number; proof: string[] }[];
  consistency: { size1: number; size2: number; proof: string[] }[];
  allProofsSha256: string;
}

const leaves = referenceLeaves(MAX);

let listing: string[] | undefined;

/** Every reference proof for sizes 1..MAX, one line each, in a fixed order (computed once). */
function referenceListing(): string[] {
  return (listing ??= buildListing());
}

function buildListing(): string[] {
  const lines: string[] = [];
  for (let n = 1; n <= MAX; n++) {
    const d = leaves.slice(0, n);
    for (let m = 0; m < n; m++) lines.push(`inclusion ${m} ${n} ${path(m, d).map(toHex).join(',')}`);
    for (let m = 1; m <= n; m++) lines.push(`consistency ${m} ${n} ${proof(m, d).map(toHex).join(',')}`);
  }
  return lines;
}

// A few proofs per size, chosen to hit both edges and the middle, keep the committed file small.
const picks = (n: number): number[] =>
  [...new Set([0, 1, Math.floor(n / 2), n - 2, n - 1])].filter((i) => i >= 0 && i < n);

function makeVectors(all: string[]): Vectors {
  const inclusion: Vectors['inclusion'] = [];
  const consistency: Vectors['consistency'] = [];
  for (let n = 1; n <= MAX; n++) {
    const d = leaves.slice(0, n);
    for (const m of picks(n)) inclusion.push({ size: n, index: m, proof: path(m, d).map(toHex) });
    for (const m of picks(n + 1).filter((x) => x > 0))
      consistency.push({ size1: m, size2: n, proof: proof(m, d).map(toHex) });
  }
  return {
    note: 'Made by test/fixtures/merkle/rfc-reference.ts (RFC 9162 MTH, PATH, SUBPROOF); see README.md here.',
    leaves: 'leaf i (0-based) is the UTF-8 text "leaf <i>"; leaf hash = SHA-256(0x00 || leaf)',
    roots: Array.from({ length: MAX + 1 }, (_, n) => toHex(mth(leaves.slice(0, n)))),
    inclusion,
    consistency,
    allProofsSha256: createHash('sha256').update(all.join('\n')).digest('hex'),
  };
}

describe('merkle tree against the RFC 9162 reference, sizes 1..64', () => {
  // One store for 64 leaves serves every smaller size: perfect subtrees never change as the log grows.
  const store = new MemoryNodeStore();
  const range = CompactRange.empty();
  const roots: Uint8Array[] = [range.root()];
  for (const l of leaves) {
    store.addAll(range.append(leafHash(l)));
    roots.push(range.root());
  }

  it('gives the reference root for every size 0..64, incrementally and from stored nodes', () => {
    for (let n = 0; n <= MAX; n++) {
      const want = toHex(mth(leaves.slice(0, n)));
      expect(toHex(roots[n]!), `incremental ${n}`).toBe(want);
      expect(toHex(rootAt(n, store.getNode)), `stored ${n}`).toBe(want);
    }
  });

  it('gives the reference inclusion and consistency proof for every pair', () => {
    const ours: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++)
        ours.push(`inclusion ${m} ${n} ${inclusionProof(m, n, store.getNode).map(toHex).join(',')}`);
      for (let m = 1; m <= n; m++)
        ours.push(`consistency ${m} ${n} ${consistencyProof(m, n, store.getNode).map(toHex).join(',')}`);
    }
    expect(ours).toEqual(referenceListing());
    expect(ours).toHaveLength((2 * (MAX * (MAX + 1))) / 2);
  });

  it('matches the committed vectors in test/fixtures/merkle/rfc-reference-vectors.json', () => {
    const fresh = makeVectors(referenceListing());
    if (process.env.UPDATE_MERKLE_VECTORS === '1')
      writeFileSync(vectorsFile, `${JSON.stringify(fresh, null, 1)}\n`);
    const committed = JSON.parse(readFileSync(vectorsFile, 'utf8')) as Vectors;
    expect(committed).toEqual(fresh);
    for (const v of committed.inclusion)
      expect(inclusionProof(v.index, v.size, store.getNode).map(toHex)).toEqual(v.proof);
    for (const v of committed.consistency)
      expect(consistencyProof(v.size1, v.size2, store.getNode).map(toHex)).toEqual(v.proof);
    expect(committed.roots.map((r, n) => toHex(rootAt(n, store.getNode)) === r).every(Boolean)).toBe(true);
  });
});
