// Bad-input suite for the proof verifiers: hostile proofs must be refused with a reason, never an
// exception, never a long loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafHash } from './hash.js';
import { consistencyProofPlan, inclusionProofPlan } from './plan.js';
import { consistencyProofFromLeaves, inclusionProofFromLeaves, rootFromLeafHashes } from './proof.js';
import { verifyConsistency, verifyInclusion, type ProofCheck } from './verify.js';

const leaves = Array.from({ length: 10 }, (_, i) => leafHash(Uint8Array.of(i)));
const root10 = rootFromLeafHashes(leaves);
const root7 = rootFromLeafHashes(leaves.slice(0, 7));
const incl = {
  leafHash: leaves[3]!,
  index: 3,
  treeSize: 10,
  proof: inclusionProofFromLeaves(3, leaves),
  root: root10,
};
const cons = {
  size1: 7,
  size2: 10,
  proof: consistencyProofFromLeaves(7, leaves),
  root1: root7,
  root2: root10,
};
const reason = (c: ProofCheck): string => (c.ok ? 'ok' : c.reason);
const h32 = new Uint8Array(32);
const other32 = new Uint8Array(32).fill(1);

type Loose = Record<string, unknown>;
const vi = (x: Loose): ProofCheck => verifyInclusion(x as unknown as Parameters<typeof verifyInclusion>[0]);
const vc = (x: Loose): ProofCheck =>
  verifyConsistency(x as unknown as Parameters<typeof verifyConsistency>[0]);

describe('verifyInclusion refuses bad input with a reason', () => {
  it('accepts the genuine proof', () => expect(verifyInclusion(incl)).toEqual({ ok: true }));

  it.each([
    ['index -1', { index: -1 }, 'BAD_NUMBER'],
    ['index 2^64 (as a JSON number)', { index: Number('18446744073709551615') }, 'BAD_NUMBER'],
    ['index 1.5', { index: 1.5 }, 'BAD_NUMBER'],
    ['index as bigint', { index: 3n }, 'BAD_NUMBER'],
    ['index as string', { index: '3' }, 'BAD_NUMBER'],
    ['size NaN', { treeSize: NaN }, 'BAD_NUMBER'],
    ['leaf hash of 31 bytes', { leafHash: new Uint8Array(31) }, 'BAD_HASH'],
    ['leaf hash not bytes', { leafHash: 'ab'.repeat(32) }, 'BAD_HASH'],
    ['proof node of 33 bytes', { proof: [new Uint8Array(33), ...incl.proof.slice(1)] }, 'BAD_HASH'],
    ['proof node null', { proof: [null, ...incl.proof.slice(1)] }, 'BAD_HASH'],
    ['proof not an array', { proof: 'x' }, 'BAD_INPUT'],
    ['root not bytes', { root: null }, 'BAD_INPUT'],
    ['index = size', { index: 10 }, 'INDEX_OUT_OF_RANGE'],
    ['size 0', { index: 0, treeSize: 0 }, 'INDEX_OUT_OF_RANGE'],
    ['proof one node short', { proof: incl.proof.slice(1) }, 'WRONG_PROOF_LENGTH'],
    ['proof of 10,000 nodes', { proof: Array.from({ length: 10_000 }, () => h32) }, 'WRONG_PROOF_LENGTH'],
    ['wrong root', { root: root7 }, 'ROOT_MISMATCH'],
    ['root of 12 bytes', { root: new Uint8Array(12) }, 'ROOT_MISMATCH'],
  ] as [string, Loose, string][])('%s', (_name, change, want) => {
    expect(reason(vi({ ...incl, ...change }))).toBe(want);
  });

  it('answers at once for the largest sizes', () => {
    const t0 = performance.now();
    const [index, treeSize] = [2 ** 52 + 12345, 2 ** 53 - 1];
    const proof = Array.from({ length: inclusionProofPlan(index, treeSize).steps.length }, () => h32);
    expect(proof.length).toBeGreaterThan(50);
    expect(reason(verifyInclusion({ leafHash: h32, index, treeSize, proof, root: h32 }))).toBe(
      'ROOT_MISMATCH',
    );
    expect(
      reason(verifyInclusion({ leafHash: h32, index: 0, treeSize: 2 ** 53 - 1, proof: [], root: h32 })),
    ).toBe('WRONG_PROOF_LENGTH');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('binds the tree size only through the root: the checkpoint must carry both', () => {
    // Leaf 0 of a 5-leaf tree has the same walk (3 right siblings) as leaf 0 of an 8-leaf tree, so the
    // 5-leaf proof also "verifies" for a claimed size 8 against the 5-leaf root. RFC 9162 verifiers
    // behave the same; callers take (size, root) together from a signed checkpoint.
    const five = leaves.slice(0, 5);
    const proof = inclusionProofFromLeaves(0, five);
    expect(
      verifyInclusion({ leafHash: leaves[0]!, index: 0, treeSize: 8, proof, root: rootFromLeafHashes(five) })
        .ok,
    ).toBe(true);
    expect(
      verifyInclusion({
        leafHash: leaves[0]!,
        index: 0,
        treeSize: 8,
        proof,
        root: rootFromLeafHashes(leaves.slice(0, 8)),
      }).ok,
    ).toBe(false);
  });

  it('expects exactly as many nodes as the proof plan has steps, for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 53 - 1 }), fc.nat(), (treeSize, a) => {
        const index = a % treeSize;
        const n = inclusionProofPlan(index, treeSize).steps.length;
        const check = (len: number): string =>
          reason(
            verifyInclusion({
              leafHash: h32,
              index,
              treeSize,
              proof: Array.from({ length: len }, () => h32),
              root: other32,
            }),
          );
        expect(check(n)).toBe('ROOT_MISMATCH');
        expect(check(n + 1)).toBe('WRONG_PROOF_LENGTH');
        if (n > 0) expect(check(n - 1)).toBe('WRONG_PROOF_LENGTH');
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.record({
          leafHash: fc.anything(),
          index: fc.anything(),
          treeSize: fc.anything(),
          proof: fc.anything(),
          root: fc.anything(),
        }),
        (x) => {
          expect(vi(x).ok).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.array(fc.uint8Array({ minLength: 31, maxLength: 33 }), { maxLength: 70 }),
        (a, b, proof) => {
          const treeSize = Math.max(a, b) + 1;
          expect(
            verifyInclusion({ leafHash: h32, index: Math.min(a, b), treeSize, proof, root: h32 }).ok,
          ).toBe(false);
        },
      ),
    );
  });
});

describe('verifyConsistency refuses bad input with a reason', () => {
  it('accepts the genuine proof and equal sizes with equal roots', () => {
    expect(verifyConsistency(cons)).toEqual({ ok: true });
    expect(verifyConsistency({ size1: 10, size2: 10, proof: [], root1: root10, root2: root10 })).toEqual({
      ok: true,
    });
  });

  it.each([
    ['size1 0', { size1: 0 }, 'EMPTY_FIRST_TREE'],
    ['both sizes 0', { size1: 0, size2: 0, proof: [] }, 'EMPTY_FIRST_TREE'],
    ['size1 > size2', { size1: 11 }, 'SIZE_ORDER'],
    ['size2 2^64', { size2: 2 ** 64 }, 'BAD_NUMBER'],
    ['size1 negative', { size1: -7 }, 'BAD_NUMBER'],
    ['proof node of 0 bytes', { proof: [new Uint8Array(0), ...cons.proof.slice(1)] }, 'BAD_HASH'],
    ['power-of-two size1 with a short root1', { size1: 4, root1: new Uint8Array(4) }, 'BAD_HASH'],
    ['root2 not bytes', { root2: 'x' }, 'BAD_INPUT'],
    ['proof missing', { proof: undefined }, 'BAD_INPUT'],
    ['empty proof', { proof: [] }, 'WRONG_PROOF_LENGTH'],
    ['one extra node', { proof: [...cons.proof, h32] }, 'WRONG_PROOF_LENGTH'],
    ['equal sizes with a proof', { size1: 10, root1: root10, proof: [h32] }, 'WRONG_PROOF_LENGTH'],
    ['equal sizes, other roots', { size1: 10, proof: [] }, 'ROOT_MISMATCH'],
    ['wrong root1', { root1: root10 }, 'ROOT_MISMATCH'],
    ['wrong root2', { root2: root7 }, 'ROOT_MISMATCH'],
  ] as [string, Loose, string][])('%s', (_name, change, want) => {
    expect(reason(vc({ ...cons, ...change }))).toBe(want);
  });

  it('expects exactly as many nodes as the proof plan has steps, for any sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 53 - 1 }), fc.nat(), (size2, a) => {
        const size1 = 1 + (a % (size2 - 1));
        const n = consistencyProofPlan(size1, size2).steps.length;
        const check = (len: number): string =>
          reason(
            verifyConsistency({
              size1,
              size2,
              proof: Array.from({ length: len }, () => h32),
              root1: h32,
              root2: other32,
            }),
          );
        expect(check(n)).toBe('ROOT_MISMATCH');
        expect(check(n + 1)).toBe('WRONG_PROOF_LENGTH');
        expect(check(n - 1)).toBe('WRONG_PROOF_LENGTH');
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.record({
          size1: fc.anything(),
          size2: fc.anything(),
          proof: fc.anything(),
          root1: fc.anything(),
          root2: fc.anything(),
        }),
        (x) => {
          expect(vc(x).ok).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 53 - 1 }),
        fc.integer({ min: 1, max: 2 ** 53 - 1 }),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 70 }),
        (a, b, proof) => {
          const [size1, size2] = a <= b ? [a, b] : [b, a];
          if (size1 === size2) return;
          expect(verifyConsistency({ size1, size2, proof, root1: h32, root2: h32 }).ok).toBe(false);
        },
      ),
    );
  });
});
