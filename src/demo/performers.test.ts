import { describe, expect, it } from 'vitest';
import { parseIpi, parseIpn, parseIsni } from '../registry/identifiers.js';
import { normalisePerformer } from '../registry/service.js';
import { keyAt, memberNoOf, performerAt } from './performers.js';
import { demoContext, demoPlan, NON_MEMBER_SHARE } from './plan.js';

const ctx = demoContext(demoPlan({ scale: 200_000, seed: 'performers' }));
const all = Array.from({ length: ctx.plan.performers }, (_, p) => performerAt(ctx, p));

describe('performerAt', () => {
  it('is a pure function of the seed and index', () => {
    const again = demoContext(demoPlan({ scale: 200_000, seed: 'performers' }));
    expect(performerAt(again, 1234)).toEqual(all[1234]);
  });

  it('has about a quarter of non-members, who have no member number but an ISNI or IPN', () => {
    const non = all.filter((p) => !p.member);
    expect(non.length / all.length).toBeGreaterThan(NON_MEMBER_SHARE - 0.02);
    expect(non.length / all.length).toBeLessThan(NON_MEMBER_SHARE + 0.02);
    expect(non.filter((p) => p.memberNo !== null || (p.isni === null && p.ipn === null))).toEqual([]);
    expect(all.filter((p) => p.member && p.memberNo !== memberNoOf(p.index))).toEqual([]);
  });

  it('gives valid identifiers that the registry accepts as they are', () => {
    const bad = all.filter(
      (p) =>
        (p.isni !== null && !parseIsni(p.isni).ok) ||
        (p.ipn !== null && !parseIpn(p.ipn).ok) ||
        (p.ipi !== null && !parseIpi(p.ipi).ok),
    );
    expect(bad).toEqual([]);
    const p = all.find((x) => x.isni !== null && x.ipi !== null && x.aliases.length > 0)!;
    const n = normalisePerformer({ ...p, sortName: p.sortName });
    expect([n.isni, n.ipi, n.sortName, n.aliases]).toEqual([p.isni, p.ipi, p.sortName, p.aliases]);
  });

  it('gives some performers a stage name, credited instead of the civil name, and some an accent-free alias', () => {
    const staged = all.filter((p) => p.credit !== p.displayName);
    expect(staged.length / all.length).toBeGreaterThan(0.12);
    expect(staged.every((p) => p.aliases[0] === p.credit)).toBe(true);
    expect(
      all.some((p) =>
        p.aliases.some((a) => a !== p.credit && /^[ -~]*$/.test(a) && !/^[ -~]*$/.test(p.displayName)),
      ),
    ).toBe(true);
  });
});

describe('keyAt', () => {
  it('keyAt agrees with the full performer (ISNI, else IPN, else member number)', () => {
    const bad = all.filter((p) => {
      const k = keyAt(ctx, p.index);
      const want = p.isni ?? p.ipn ?? p.memberNo;
      const column =
        p.isni !== null ? 'performer_isni' : p.ipn !== null ? 'performer_ipn' : 'performer_member_no';
      return k.value !== want || k.column !== column;
    });
    expect(bad).toEqual([]);
  });
});
