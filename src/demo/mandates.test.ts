import { describe, expect, it } from 'vitest';
import { LEGAL_BASES, MEDIA, toInstant, USES } from '../registry/model.js';
import { territories } from '../registry/service.js';
import { dayToDate, mandatesOf } from './mandates.js';
import { performerAt } from './performers.js';
import { demoContext, demoPlan } from './plan.js';

const ctx = demoContext(demoPlan({ scale: 200_000, seed: 'mandates' }));
const performers = Array.from({ length: ctx.plan.performers }, (_, p) => performerAt(ctx, p));
const mandates = performers.flatMap((p) => mandatesOf(ctx, p));
const share = (f: (m: (typeof mandates)[number]) => boolean) => mandates.filter(f).length / mandates.length;

describe('mandatesOf', () => {
  it('gives every member one or two mandates and non-members none', () => {
    for (const p of performers.slice(0, 2000)) {
      const n = mandatesOf(ctx, p).length;
      expect(p.member ? n >= 1 && n <= 2 : n === 0).toBe(true);
    }
    expect(new Set(mandates.map((m) => m.mandateId)).size).toBe(mandates.length);
  });

  it('uses only values the import accepts', () => {
    const bad = mandates.filter(
      (m) =>
        !LEGAL_BASES.includes(m.legalBasis) ||
        (m.uses !== '' && !m.uses.split('|').every((u) => (USES as readonly string[]).includes(u))) ||
        (m.media !== '' && !m.media.split('|').every((u) => (MEDIA as readonly string[]).includes(u))) ||
        (m.territories !== '' && territories(m.territories.split('|')).join('|') !== m.territories) ||
        toInstant(m.validFrom) === null ||
        (m.validTo !== '' && !(m.validTo > m.validFrom && toInstant(m.validTo) !== null)) ||
        (m.withdrawnAt !== '' && !(m.withdrawnAt > m.validFrom && toInstant(m.withdrawnAt) !== null)),
    );
    expect(bad).toEqual([]);
  });

  it('is mostly every AI use, both media, worldwide, with some narrower ones', () => {
    expect(
      share((m) => m.uses === 'ai-training|genai-training|ai-inference' || m.uses === ''),
    ).toBeGreaterThan(0.7);
    expect(share((m) => m.uses === 'genai-training')).toBeGreaterThan(0.01);
    expect(share((m) => m.media === 'sound')).toBeGreaterThan(0.1);
    expect(share((m) => m.territories === 'WORLD' || m.territories === '')).toBeGreaterThan(0.75);
    expect(share((m) => m.territories.includes('|'))).toBeGreaterThan(0.05);
    expect(share((m) => m.legalBasis === 'statutory')).toBeGreaterThan(0.15);
  });

  it('spreads start dates over 2019-2026, with some end dates and a few withdrawals', () => {
    const years = new Set(mandates.map((m) => m.validFrom.slice(0, 4)));
    expect([...years].sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(share((m) => m.validTo !== '')).toBeGreaterThan(0.1);
    expect(share((m) => m.withdrawnAt !== '')).toBeGreaterThan(0.01);
    expect(share((m) => m.withdrawnAt !== '')).toBeLessThan(0.06);
    expect(share((m) => /^(CTR|ADH)-\d{4}-\d{6}(\/A\d)?$/.test(m.sourceRef))).toBeGreaterThan(0.9);
  });
});

describe('dayToDate', () => {
  it('counts days from 2019-01-01 in UTC', () => {
    expect(dayToDate(0)).toBe('2019-01-01');
    expect(dayToDate(365)).toBe('2020-01-01');
    expect(dayToDate(365 + 366)).toBe('2021-01-01');
  });
});
