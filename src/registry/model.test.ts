import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inForce, searchKey, territoriesCover, toInstant, usesCover } from './model.js';

describe('model helpers', () => {
  it('toInstant accepts dates and date-times and normalises to UTC', () => {
    expect(toInstant('2025-01-01')).toBe('2025-01-01T00:00:00.000Z');
    expect(toInstant('2025-01-01T02:00:00+02:00')).toBe('2025-01-01T00:00:00.000Z');
    expect(toInstant('2025-01-01 12:30:00Z')).toBe('2025-01-01T12:30:00.000Z');
    for (const bad of ['2025-02-30', 'yesterday', '', '2025-13-01', '01/02/2025']) expect(toInstant(bad), bad).toBeNull();
  });

  it('toInstant round-trips any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        expect(toInstant(d.toISOString())).toBe(d.toISOString());
      }),
    );
  });

  it('uses: all-tdm covers all; ai-training covers generative training; nothing else is implied', () => {
    expect(usesCover(['all-tdm'], 'search')).toBe(true);
    expect(usesCover(['ai-training'], 'genai-training')).toBe(true);
    expect(usesCover(['genai-training'], 'ai-training')).toBe(false);
    expect(usesCover(['ai-inference'], 'ai-training')).toBe(false);
  });

  it('territories and intervals', () => {
    expect(territoriesCover(['WORLD'], 'fr')).toBe(true);
    expect(territoriesCover(['FR'], 'DE')).toBe(false);
    expect(territoriesCover(['FR'], undefined)).toBe(true);
    expect(inForce('2025-01-01', '2026-01-01', null, '2025-12-31')).toBe(true);
    expect(inForce('2025-01-01', '2026-01-01', null, '2026-01-01')).toBe(false);
    expect(inForce('2025-01-01', null, '2025-06-01', '2025-06-01')).toBe(false);
  });

  it('searchKey folds accents, case and punctuation', () => {
    expect(searchKey('  Ça Plane Pour Moi (Remastered, 2011)! ')).toBe('ca plane pour moi remastered 2011');
    expect(searchKey('Œuvre — Björk')).toBe('oeuvre bjork');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(searchKey(searchKey(s))).toBe(searchKey(s));
      }),
    );
  });
});
