import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribute, entryWeights, checkRules, payableLineup, totalsByPerformer, type PayableEntry, type RecordingAmount } from './distribution.js';

const RULES = { featured: 65, nonFeatured: 35 };
const entry = (performerId: string, featured: boolean, role = 'musician', held: PayableEntry['held'] = null): PayableEntry => ({ performerId, role, featured, held });

describe('distribute', () => {
  it('splits between classes by weight and equally within a class', () => {
    const d = distribute([{ recording: 'FRZ032500001', amountCents: 10_000, lineup: [entry('a', true), entry('b', false), entry('c', false)] }], RULES);
    expect(d.shares.map((s) => [s.performerId, s.cents])).toEqual([
      ['a', 6500],
      ['b', 1750],
      ['c', 1750],
    ]);
    expect(d.suspenseCents).toBe(0);
  });

  it('gives the whole amount to the class present when the other is absent', () => {
    const d = distribute([{ recording: 'R', amountCents: 999, lineup: [entry('b', false), entry('c', false), entry('d', false)] }], RULES);
    expect(d.shares.map((s) => s.cents)).toEqual([333, 333, 333]);
  });

  it('weighs roles within a class', () => {
    const d = distribute([{ recording: 'R', amountCents: 300, lineup: [entry('x', false, 'conductor'), entry('y', false), entry('z', false)] }], {
      ...RULES,
      roleWeights: { conductor: 2 },
    });
    expect(d.shares.map((s) => s.cents)).toEqual([150, 75, 75]);
  });

  it('holds the shares of performers it cannot pay, and unmatched recordings whole', () => {
    const items: RecordingAmount[] = [
      { recording: 'R1', amountCents: 1000, lineup: [entry('a', true), entry('n', true, 'singer', 'performer-not-member')] },
      { recording: 'line 7', amountCents: 250, lineup: null },
      { recording: 'R2', amountCents: 40, lineup: [] },
      { recording: 'report:q1', amountCents: 7, lineup: null, heldAs: 'fee-without-usage' },
    ];
    const d = distribute(items, RULES);
    expect(d.shares).toEqual([{ recording: 'R1', performerId: 'a', role: 'musician', featured: true, cents: 500 }]);
    expect(d.suspense).toEqual([
      { recording: 'R1', performerId: 'n', reason: 'performer-not-member', cents: 500 },
      { recording: 'line 7', performerId: null, reason: 'recording-unmatched', cents: 250 },
      { recording: 'R2', performerId: null, reason: 'no-lineup', cents: 40 },
      { recording: 'report:q1', performerId: null, reason: 'fee-without-usage', cents: 7 },
    ]);
    expect(d.distributedCents + d.suspenseCents).toBe(d.collectedCents);
  });

  it('holds a recording whose only class weighs nothing', () => {
    const d = distribute([{ recording: 'R', amountCents: 10, lineup: [entry('b', false)] }], { featured: 1, nonFeatured: 0 });
    expect(d.suspense).toEqual([{ recording: 'R', performerId: null, reason: 'no-payable-class', cents: 10 }]);
  });

  it('refuses bad rules and amounts with the field named', () => {
    expect(() => checkRules({ featured: 0, nonFeatured: 0 })).toThrow(/both be zero/);
    expect(() => checkRules({ featured: 1.5, nonFeatured: 1 })).toThrow(/class and default role weights/);
    expect(() => checkRules({ featured: 1, nonFeatured: 1, roleWeights: { solo: -1 } })).toThrow(/role weights/);
    expect(() => distribute([{ recording: 'FRX', amountCents: -5, lineup: null }], RULES)).toThrow(/amount of FRX/);
  });

  it('keeps weights exact and small', () => {
    expect(entryWeights([entry('a', true), entry('b', false), entry('c', false)], checkRules(RULES))).toEqual([26n, 7n, 7n]);
  });

  it('shares plus suspense equal what was collected, to the cent (property)', () => {
    const lineup = fc.array(
      fc.record({
        performerId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
        role: fc.constantFrom('singer', 'musician', 'conductor'),
        featured: fc.boolean(),
        held: fc.constantFrom(null, null, null, 'performer-not-member' as const, 'performer-unknown' as const),
      }),
      { maxLength: 12 },
    );
    const item = fc.record({ recording: fc.string({ maxLength: 4 }), amountCents: fc.integer({ min: 0, max: 1e10 }), lineup: fc.option(lineup, { nil: null }) });
    const rules = fc.record({
      featured: fc.integer({ min: 0, max: 100 }),
      nonFeatured: fc.integer({ min: 0, max: 100 }),
      roleWeights: fc.record({ conductor: fc.integer({ min: 0, max: 5 }), singer: fc.integer({ min: 0, max: 5 }) }),
    }).filter((r) => r.featured + r.nonFeatured > 0);
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), rules, (items, r) => {
        const d = distribute(items, r);
        const collected = items.reduce((a, i) => a + i.amountCents, 0);
        expect(d.collectedCents).toBe(collected);
        expect(d.shares.reduce((a, s) => a + s.cents, 0)).toBe(d.distributedCents);
        expect(d.suspense.reduce((a, s) => a + s.cents, 0)).toBe(d.suspenseCents);
        expect(d.distributedCents + d.suspenseCents).toBe(collected);
        // Recording by recording too.
        for (const i of items) {
          const paid = d.shares.filter((s) => s.recording === i.recording).reduce((a, s) => a + s.cents, 0);
          const held = d.suspense.filter((s) => s.recording === i.recording).reduce((a, s) => a + s.cents, 0);
          const same = items.filter((j) => j.recording === i.recording).reduce((a, j) => a + j.amountCents, 0);
          expect(paid + held).toBe(same);
        }
        expect(totalsByPerformer(d.shares).reduce((a, t) => a + t.cents, 0)).toBe(d.distributedCents);
      }),
    );
  });

  it('is a function of its inputs: the same run twice gives the same result', () => {
    const items: RecordingAmount[] = [{ recording: 'R', amountCents: 101, lineup: [entry('a', true), entry('b', true), entry('c', false)] }];
    expect(distribute(items, RULES)).toEqual(distribute(items, RULES));
  });
});

describe('payableLineup', () => {
  it('pays members and holds non-members and unknown performers with the reason', () => {
    const lineup = [
      { performerId: 'm', role: 'singer', featured: true, member: true },
      { performerId: 'n', role: 'guitar', featured: false, member: false },
      { performerId: 'u', role: 'drums', featured: false, member: null },
    ];
    expect(payableLineup(lineup).map((e) => [e.performerId, e.held])).toEqual([
      ['m', null],
      ['n', 'performer-not-member'],
      ['u', 'performer-unknown'],
    ]);
  });
});
