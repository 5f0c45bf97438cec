import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTerms, type Licence, type RecordingScope } from './model.js';
import { isProblem, usageFlag, usageLineOf } from './usage.js';

const licence: Licence = {
  id: 'l',
  licensee: 'o',
  request: 'r',
  terms: parseTerms({ uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'X' }, 't'),
  tariff: { id: 't', version: 1 },
  issuedAt: '2025-12-01T00:00:00.000Z',
  terminatedAt: null,
};
const rec: RecordingScope = { isrc: 'FRZ032500001', medium: 'sound', year: 2020, label: null, performerIds: [] };
const Q1 = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('usage lines', () => {
  it('reads a line, normalising the ISRC and defaulting units and seconds', () => {
    expect(usageLineOf({ isrc: 'fr-z03-25-00001', uses: 'genai-training; ai-training' }, 2)).toEqual({
      line: 2,
      recording: 'FRZ032500001',
      uses: ['genai-training', 'ai-training'],
      units: 1,
      seconds: 0,
    });
  });

  it('names the line and field of a bad cell', () => {
    expect(usageLineOf({ isrc: 'nope', uses: 'search' }, 5)).toMatchObject({ line: 5, field: 'isrc' });
    expect(usageLineOf({ isrc: 'FRZ032500001', uses: 'cooking' }, 6)).toMatchObject({ line: 6, field: 'uses', reason: /cooking/ });
    expect(usageLineOf({ isrc: 'FRZ032500001', uses: '' }, 7)).toMatchObject({ field: 'uses' });
    expect(usageLineOf({ isrc: 'FRZ032500001', uses: 'search', units: '0' }, 8)).toMatchObject({ field: 'units' });
    expect(usageLineOf({ isrc: 'FRZ032500001', uses: 'search', seconds: '1.5' }, 9)).toMatchObject({ field: 'seconds' });
  });

  it('never throws, and anything it accepts is well formed (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('isrc', 'uses', 'units', 'seconds', 'x'), fc.string({ maxLength: 30 })), fc.nat(), (cells, line) => {
        const r = usageLineOf(cells, line);
        if (isProblem(r)) expect(r.line).toBe(line);
        else {
          expect(r.recording).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
          expect(r.units).toBeGreaterThanOrEqual(1);
          expect(r.uses.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('flags what the licence does not cover, over the whole period', () => {
    const line = { line: 2, recording: 'FRZ032500001', uses: ['genai-training' as const], units: 1, seconds: 0 };
    expect(usageFlag(line, rec, licence, Q1)).toBeNull();
    expect(usageFlag(line, null, licence, Q1)).toBe('unknown-recording');
    expect(usageFlag({ ...line, uses: ['search'] }, rec, licence, Q1)).toBe('out-of-scope');
    // A period running past the term is out of scope.
    expect(usageFlag(line, rec, licence, { from: '2026-12-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' })).toBe('out-of-scope');
  });
});
