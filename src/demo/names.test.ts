import { describe, expect, it } from 'vitest';
import { personName, withoutAccents } from './names.js';
import { Rng, STREAM } from './rng.js';

const names = Array.from({ length: 20_000 }, (_, i) => personName(new Rng(3).reseed(STREAM.performer, i)));

describe('personName', () => {
  it('writes the sort name as family name, comma, given name', () => {
    const bad = names.filter(
      (n) =>
        !n.sort.startsWith(n.family.replace(/^(van den|van der|von der|de|du|d'|van|von|zu) ?/, '')) ||
        !n.sort.includes(`, ${n.given}`),
    );
    expect(bad).toEqual([]);
  });

  it('mixes French and international names, with accents, compound given names, particles and apostrophes', () => {
    const display = names.map((n) => n.display);
    expect(display.filter((d) => /[éèêëàâîïôûüçœ]/i.test(d)).length).toBeGreaterThan(names.length / 5);
    expect(display.some((d) => /^(Jean|Marie|Anne|Pierre)-/.test(d))).toBe(true);
    expect(display.some((d) => / (de|du|van|von) /.test(d))).toBe(true);
    expect(display.some((d) => d.includes("'"))).toBe(true);
    expect(display.some((d) => /[ŁłŞșễđĐ]/.test(d))).toBe(true);
    expect(display.filter((d) => /-[A-ZÉ][a-zé]+$/.test(d)).length).toBeGreaterThan(0);
  });

  it('sorts a particle after the given name and keeps family-name-first names in order', () => {
    const particle = names.find((n) => n.family.startsWith('de '));
    expect(particle?.sort).toMatch(/^[A-Z][^,]*, .+ de$/);
    const vn = names.find((n) => n.display.startsWith(n.family));
    expect(vn?.sort).toBe(`${vn?.family}, ${vn?.given}`);
  });
});

describe('withoutAccents', () => {
  it('drops diacritics and keeps the rest', () => {
    expect(withoutAccents('Hélène Lefèvre-Gaëlle Çà')).toBe('Helene Lefevre-Gaelle Ca');
    expect(withoutAccents("Siobhán O'Connor")).toBe("Siobhan O'Connor");
    expect(withoutAccents('Plain Name')).toBe('Plain Name');
  });
});
