import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnrolCsv } from './enrol-csv.js';

describe('parseEnrolCsv', () => {
  it('reads isrc,path lines, with a header, comments, quotes and blank lines', () => {
    const r = parseEnrolCsv(
      'isrc,path\nFRZ032500001,a/one.flac\n\n# a comment\nfr-z03-25-00002,"b/two, live.mp3"\r\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, isrc: 'FRZ032500001', path: 'a/one.flac' },
      { line: 5, isrc: 'FRZ032500002', path: 'b/two, live.mp3' },
    ]);
  });

  it('names every bad line by number and field, and keeps the good ones', () => {
    const r = parseEnrolCsv(
      'FRZ032500001,a.flac\nFRZ032500002\nNOTANISRC,b.flac\nFRZ032500003,\n"FRZ032500004,c.flac\nFRZ032500005,d.flac,extra\nFRZ032500006,e.flac\n',
    );
    expect(r.rows.map((x) => x.line)).toEqual([1, 7]);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'line'],
      [3, 'isrc'],
      [4, 'path'],
      [5, 'line'],
      [6, 'line'],
    ]);
    expect(r.problems[0]!.reason).toMatch(/expected 2 fields/);
  });

  it('property: any list of valid rows written as CSV reads back the same, at the right lines', () => {
    const isrc = fc
      .tuple(
        fc.constantFrom('FR', 'GB', 'US'),
        fc.stringMatching(/^[A-Z0-9]{3}$/),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99999 }),
      )
      .map(([c, r, y, n]) => `${c}${r}${String(y).padStart(2, '0')}${String(n).padStart(5, '0')}`);
    const path = fc.stringMatching(/^[a-zA-Z0-9_ ,./"-]{1,30}$/).filter((p) => p.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(isrc, path), { maxLength: 20 }), (rows) => {
        const text = rows.map(([i, p]) => `${i},"${p.replace(/"/g, '""')}"`).join('\n');
        const r = parseEnrolCsv(text);
        expect(r.problems).toEqual([]);
        expect(r.rows).toEqual(rows.map(([i, p], n) => ({ line: n + 1, isrc: i, path: p.trim() })));
      }),
    );
  });

  it('property: arbitrary text never throws, and every non-blank line is a row or a problem', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseEnrolCsv(text);
        const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
        const counted = lines.filter(
          (l, i) =>
            l.trim() !== '' &&
            !l.trimStart().startsWith('#') &&
            !(i === 0 && /^\s*isrc\s*,\s*path\s*$/i.test(l)),
        ).length;
        expect(r.rows.length + r.problems.length).toBe(counted);
      }),
    );
  });
});
