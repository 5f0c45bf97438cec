import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { chooseLocale, formats, translator } from './index.js';

describe('message catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(fr)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(holes(fr[k]), k).toEqual(holes(en[k]));
  });

  it('fill placeholders, numbers in the locale’s digits', () => {
    expect(translator('en')('home.counts', { recordings: 1234567, performers: 2, members: 1 })).toBe(
      '1,234,567 recordings, 2 performers of whom 1 members.',
    );
    expect(translator('fr')('home.counts', { recordings: 1234567, performers: 2, members: 1 })).toMatch(
      /^1\s234\s567 enregistrements/,
    );
  });
});

describe('language choice and formats', () => {
  it('prefers the explicit choice, then the cookie, then Accept-Language, then French', () => {
    expect(chooseLocale('en', 'fr', 'fr')).toBe('en');
    expect(chooseLocale(undefined, 'en', 'fr')).toBe('en');
    expect(chooseLocale('de', 'xx', 'en')).toBe('en');
    expect(chooseLocale(undefined, undefined, false)).toBe('fr');
  });

  it('writes dates and euros the way each locale does, in UTC', () => {
    const en = formats('en');
    const fr = formats('fr');
    expect(en.money(123456)).toBe('€1,234.56');
    expect(fr.money(123456)).toMatch(/^1\s234,56\s€$/);
    expect(en.date('2026-03-01T23:30:00Z')).toBe('1 Mar 2026');
    expect(fr.date('2026-03-01T23:30:00Z')).toBe('1 mars 2026');
    expect(fr.date(null)).toBe('—');
    expect(en.month('2026-07')).toBe('Jul 2026');
  });
});
