import { describe, expect, it } from 'vitest';
import { cell, checkHeader, CSV_SPECS, detectCsvType, normaliseHeader } from './csv-columns.js';

describe('CSV headers', () => {
  it('tells the file type from the columns', () => {
    expect(detectCsvType(['mandate_id', 'performer_isni'])).toBe('mandates');
    expect(detectCsvType(['isrc', 'position', 'role'])).toBe('lineups');
    expect(detectCsvType(['display_name', 'isni'])).toBe('performers');
    expect(detectCsvType(['isrc', 'title', 'display_artist'])).toBe('recordings');
    expect(detectCsvType(['isrc', 'colour'])).toBeNull();
  });

  it('accepts every documented column in any order and case', () => {
    for (const [type, spec] of Object.entries(CSV_SPECS)) {
      const header = normaliseHeader([...spec.columns].reverse().map((c) => ` ${c.toUpperCase()} `));
      const check = checkHeader(type as keyof typeof CSV_SPECS, header);
      expect(check.ok).toBe(true);
      if (check.ok) expect(check.index[spec.columns[0]!]).toBe(spec.columns.length - 1);
    }
  });

  it('names every problem of a bad header', () => {
    const check = checkHeader('recordings', ['isrc', 'title', 'title', 'colour', '']);
    expect(check).toEqual({
      ok: false,
      problems: [
        'column title appears twice',
        expect.stringContaining('unknown column colour'),
        'a column has an empty name',
        'missing required column display_artist',
      ],
    });
    expect(checkHeader('lineups', ['position', 'role', 'isrc'])).toEqual({
      ok: false,
      problems: ['needs one of the columns performer_isni, performer_ipn, performer_member_no'],
    });
  });

  it('reads absent columns as empty cells', () => {
    const check = checkHeader('performers', ['display_name', 'isni']);
    if (!check.ok) throw new Error('header refused');
    expect(cell(['A', 'B'], check.index, 'isni')).toBe('B');
    expect(cell(['A', 'B'], check.index, 'ipn')).toBe('');
  });
});
