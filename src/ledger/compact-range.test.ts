import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactRange } from './compact-range.js';
import { LedgerError } from './errors.js';
import { emptyRoot, leafHash } from './hash.js';
import { rootFromLeafHashes } from './proof.js';

const leaves = (n: number): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i & 255, i >> 8)));
const popcount = (n: number): number => n.toString(2).replaceAll('0', '').length;

describe('CompactRange', () => {
  it('starts empty with the empty root', () => {
    const r = CompactRange.empty();
    expect(r.size).toBe(0);
    expect(r.root()).toEqual(emptyRoot());
    expect(r.frontier()).toEqual({ size: 0, hashes: [] });
  });

  it('emits each leaf and each completed parent once: n leaves and n - popcount(n) parents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (n) => {
        const nodes = CompactRange.empty().appendAll(leaves(n));
        expect(nodes.filter((x) => x.level === 0)).toHaveLength(n);
        expect(nodes.filter((x) => x.level > 0)).toHaveLength(n - popcount(n));
        expect(new Set(nodes.map((x) => `${x.level}/${x.index}`)).size).toBe(nodes.length);
        for (const x of nodes) expect((x.index + 1) * 2 ** x.level).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('reports the nodes a single append completes, lowest level first', () => {
    const r = CompactRange.empty();
    r.appendAll(leaves(3));
    const nodes = r.append(leafHash(Uint8Array.of(3, 0)));
    expect(nodes.map(({ level, index }) => [level, index])).toEqual([
      [0, 3],
      [1, 1],
      [2, 0],
    ]);
    expect(nodes[2]!.hash).toEqual(r.root());
  });

  it('has the root of the leaves so far after each append, and resumes from its frontier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (n, m) => {
        const all = leaves(n + m);
        const first = CompactRange.empty();
        first.appendAll(all.slice(0, n));
        expect(first.root()).toEqual(rootFromLeafHashes(all.slice(0, n)));
        const resumed = CompactRange.fromFrontier(first.frontier());
        resumed.appendAll(all.slice(n));
        expect(resumed.size).toBe(n + m);
        expect(resumed.root()).toEqual(rootFromLeafHashes(all));
      }),
    );
  });

  it('refuses bad leaves and bad frontiers with coded errors', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof LedgerError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(() => CompactRange.empty().append(new Uint8Array(31)))).toBe('LEDGER_BAD_HASH');
    expect(code(() => CompactRange.fromFrontier({ size: 3, hashes: [new Uint8Array(32)] }))).toBe(
      'LEDGER_BAD_HASH',
    );
    expect(code(() => CompactRange.fromFrontier({ size: 1, hashes: [new Uint8Array(33)] }))).toBe(
      'LEDGER_BAD_HASH',
    );
    expect(code(() => CompactRange.fromFrontier({ size: -1, hashes: [] }))).toBe('LEDGER_OUT_OF_RANGE');
    expect(code(() => CompactRange.fromFrontier({ size: 2 ** 53, hashes: [] }))).toBe('LEDGER_OUT_OF_RANGE');
    const full = CompactRange.fromFrontier({
      size: Number.MAX_SAFE_INTEGER,
      hashes: Array.from({ length: 53 }, () => new Uint8Array(32)),
    });
    expect(code(() => full.append(new Uint8Array(32)))).toBe('LEDGER_OUT_OF_RANGE');
  });
});
