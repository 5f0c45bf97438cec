// Conformance against transparency-dev/merkle data collected in ../shared/conformance/merkle.json
// (see that folder's README, section merkle.json). Read in place, never copied into this repository.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mth, path, proof as subproof } from '../../test/fixtures/merkle/rfc-reference.js';
import { leafHash } from './hash.js';
import { consistencyProofFromLeaves, inclusionProofFromLeaves, rootFromLeafHashes } from './proof.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const file = `${repoRoot}../shared/conformance/merkle.json`;
const present = existsSync(file);

interface MerkleJson {
  hashing: { empty_tree_root: string };
  leaves: string[];
  leaf_hashes: string[];
  roots: Record<string, string>;
  inclusion: { size: number; index: number; proof: string[] }[];
  consistency: { size1: number; size2: number; proof: string[] }[];
  inclusion_probes: {
    file: string;
    leafIdx: number;
    treeSize: number;
    root: string;
    leafHash: string;
    proof: string[] | null;
    wantErr: boolean;
  }[];
  consistency_probes: {
    file: string;
    size1: number;
    size2: number;
    root1: string;
    root2: string;
    proof: string[] | null;
    wantErr: boolean;
  }[];
}

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const data = present ? (JSON.parse(readFileSync(file, 'utf8')) as MerkleJson) : undefined;

describe.skipIf(!present)(
  'merkle conformance with ../shared/conformance/merkle.json (skipped when that folder is absent)',
  () => {
    // The body runs to collect tests even when skipped, so it must not touch absent data.
    const d = data ?? ({ leaves: [] } as unknown as MerkleJson);
    const leafHashes = d.leaves.map((l) => leafHash(hex(l)));

    it('hashes the 8 upstream leaves and roots of sizes 0..8', () => {
      expect(leafHashes.map(toHex)).toEqual(d.leaf_hashes);
      expect(toHex(rootFromLeafHashes([]))).toBe(d.hashing.empty_tree_root);
      for (const [size, root] of Object.entries(d.roots)) {
        expect(toHex(rootFromLeafHashes(leafHashes.slice(0, Number(size)))), `size ${size}`).toBe(root);
      }
    });

    it('the independent RFC reference (test/fixtures/merkle) agrees with upstream too', () => {
      const leaves = d.leaves.map(hex);
      for (const [size, root] of Object.entries(d.roots))
        expect(toHex(mth(leaves.slice(0, Number(size))))).toBe(root);
      for (const c of d.inclusion) expect(path(c.index, leaves.slice(0, c.size)).map(toHex)).toEqual(c.proof);
      for (const c of d.consistency)
        expect(subproof(c.size1, leaves.slice(0, c.size2)).map(toHex)).toEqual(c.proof);
    });

    it('builds and verifies all 36 inclusion proofs', () => {
      expect(d.inclusion).toHaveLength(36);
      for (const c of d.inclusion) {
        const leaves = leafHashes.slice(0, c.size);
        const proof = inclusionProofFromLeaves(c.index, leaves);
        expect(proof.map(toHex), `${c.index} of ${c.size}`).toEqual(c.proof);
        const root = hex(d.roots[String(c.size)]!);
        expect(
          verifyInclusion({ leafHash: leafHashes[c.index]!, index: c.index, treeSize: c.size, proof, root }),
        ).toEqual({ ok: true });
      }
    });

    it('builds and verifies all 36 consistency proofs', () => {
      expect(d.consistency).toHaveLength(36);
      for (const c of d.consistency) {
        const proof = consistencyProofFromLeaves(c.size1, leafHashes.slice(0, c.size2));
        expect(proof.map(toHex), `${c.size1} to ${c.size2}`).toEqual(c.proof);
        const [root1, root2] = [hex(d.roots[String(c.size1)]!), hex(d.roots[String(c.size2)]!)];
        expect(verifyConsistency({ size1: c.size1, size2: c.size2, proof, root1, root2 })).toEqual({
          ok: true,
        });
      }
    });

    it('agrees with all 98 inclusion probe verdicts', () => {
      expect(d.inclusion_probes).toHaveLength(98);
      for (const p of d.inclusion_probes) {
        const check = verifyInclusion({
          leafHash: hex(p.leafHash),
          index: p.leafIdx,
          treeSize: p.treeSize,
          proof: (p.proof ?? []).map(hex),
          root: hex(p.root),
        });
        expect(!check.ok, p.file).toBe(p.wantErr);
      }
    });

    it('agrees with all 98 consistency probe verdicts', () => {
      expect(d.consistency_probes).toHaveLength(98);
      for (const p of d.consistency_probes) {
        const check = verifyConsistency({
          size1: p.size1,
          size2: p.size2,
          proof: (p.proof ?? []).map(hex),
          root1: hex(p.root1),
          root2: hex(p.root2),
        });
        expect(!check.ok, p.file).toBe(p.wantErr);
      }
    });
  },
);
