import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBool, parseDuration, parseInteger, parseList, yearOf } from './values.js';

describe('import cell values', () => {
  it('reads booleans strictly, with a default for empty cells', () => {
    expect(parseBool('TRUE', false)).toEqual({ ok: true, value: true });
    expect(parseBool(' 0 ', true)).toEqual({ ok: true, value: false });
    expect(parseBool('', true)).toEqual({ ok: true, value: true });
    expect(parseBool('yes', false).ok).toBe(false);
  });

  it('splits | lists, dropping blanks and repeats', () => {
    expect(parseList(' a | b ||a ')).toEqual(['a', 'b']);
    expect(parseList('  ')).toEqual([]);
  });

  it.each([
    ['185.5', 185_500],
    ['3:05', 185_000],
    ['1:02:03.5', 3_723_500],
    ['PT3M5.5S', 185_500],
    ['PT0H4M33S', 273_000],
    ['pt1h32m', 5_520_000],
    ['P1DT1S', 86_401_000],
    ['', null],
  ])('reads the duration %s', (raw, ms) => {
    expect(parseDuration(raw)).toEqual({ ok: true, value: ms });
  });

  it.each(['ten', 'PT', 'P', '3:75', '-4', 'PT1X', '1e3', 'P8D'])('rejects the duration %s', (raw) => {
    expect(parseDuration(raw).ok).toBe(false);
  });

  it('never throws on arbitrary text, and reads back the seconds it is given', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseDuration(s)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 * 6 }), fc.integer({ min: 0, max: 999 }), (s, ms) => {
        const total = s * 1000 + ms;
        const iso = `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}.${String(ms).padStart(3, '0')}S`;
        expect(parseDuration(iso)).toEqual({ ok: true, value: total });
        expect(parseDuration(`${s}.${String(ms).padStart(3, '0')}`)).toEqual({ ok: true, value: total });
      }),
    );
  });

  it('reads bounded whole numbers and years', () => {
    expect(parseInteger('12', 1, 20)).toEqual({ ok: true, value: 12 });
    expect(parseInteger('', 1, 20)).toEqual({ ok: true, value: null });
    expect(parseInteger('0', 1, 20).ok).toBe(false);
    expect(parseInteger('1.5', 1, 20).ok).toBe(false);
    expect(yearOf('2011-01-01')).toEqual({ ok: true, value: 2011 });
    expect(yearOf('1999')).toEqual({ ok: true, value: 1999 });
    expect(yearOf('May 1999').ok).toBe(false);
  });
});
