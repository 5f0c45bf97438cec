import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitLength } from './bits.js';
import { LedgerError } from './errors.js';
import { consistencyProofPlan, inclusionProofPlan, planNodeIds, rangeNodes, rootPlan } from './plan.js';

const MAX = Number.MAX_SAFE_INTEGER;
const span = (id: { level: number; index: number }): [number, number] => [
  id.index * 2 ** id.level,
  (id.index + 1) * 2 ** id.level,
];

describe('rangeNodes', () => {
  it('covers [begin, end) exactly with aligned perfect subtrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: MAX }), (x, y) => {
        const [begin, end] = x <= y ? [x, y] : [y, x];
        const ids = rangeNodes(begin, end);
        let at = begin;
        for (const id of ids) {
          const [from, to] = span(id);
          expect(from).toBe(at);
          at = to;
        }
        expect(at).toBe(end);
        expect(ids.length).toBeLessThanOrEqual(2 * 53);
      }),
    );
  });

  it('gives the set bits of the size for a prefix', () => {
    expect(rangeNodes(0, 6)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
    ]);
    expect(rangeNodes(0, 0)).toEqual([]);
    expect(rangeNodes(0, MAX)).toHaveLength(53);
    expect(rootPlan(5).steps).toEqual([
      [
        { level: 2, index: 0 },
        { level: 0, index: 4 },
      ],
    ]);
    expect(rootPlan(0).steps).toEqual([]);
  });
});

describe('proof plans', () => {
  it('plans an inclusion proof of at most 53 steps, fast, at the largest sizes', () => {
    const plan = inclusionProofPlan(MAX - 1, MAX);
    expect(plan.steps.length).toBeLessThanOrEqual(53);
    expect(inclusionProofPlan(0, 2 ** 52).steps).toHaveLength(52);
    expect(consistencyProofPlan(2 ** 52 - 1, MAX).steps.length).toBeLessThanOrEqual(54);
  });

  it('reads O(log n) nodes for any proof', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 0, max: MAX }), (size, a) => {
        const ids = planNodeIds(inclusionProofPlan(a % size, size));
        expect(ids.length).toBeLessThanOrEqual(2 * bitLength(size));
        const c = planNodeIds(consistencyProofPlan(1 + (a % size), size));
        expect(c.length).toBeLessThanOrEqual(3 * bitLength(size));
      }),
    );
  });

  it('only asks for nodes inside the tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (size, a) => {
        const ids = [
          ...planNodeIds(inclusionProofPlan(a % size, size)),
          ...planNodeIds(consistencyProofPlan(1 + (a % size), size)),
        ];
        for (const id of ids) expect(span(id)[1]).toBeLessThanOrEqual(size);
      }),
    );
  });

  it('refuses impossible requests with LEDGER_OUT_OF_RANGE', () => {
    const bad: (() => unknown)[] = [
      () => inclusionProofPlan(3, 3),
      () => inclusionProofPlan(0, 0),
      () => inclusionProofPlan(-1, 4),
      () => inclusionProofPlan(0.5, 4),
      () => inclusionProofPlan(0, MAX + 1),
      () => consistencyProofPlan(0, 4),
      () => consistencyProofPlan(5, 4),
      () => consistencyProofPlan(1, Infinity),
      () => rootPlan(-1),
    ];
    for (const f of bad) {
      expect(f).toThrow(LedgerError);
      try {
        f();
      } catch (e) {
        expect((e as LedgerError).code).toBe('LEDGER_OUT_OF_RANGE');
      }
    }
    expect(consistencyProofPlan(4, 4).steps).toEqual([]);
  });
});
