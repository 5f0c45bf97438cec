import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArtistTally } from './artist-tally.js';

describe('ArtistTally', () => {
  it('counts rows by artist bytes as a Map of trimmed names would (any number of artists)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Zaz', ' Zaz', 'Élan')), {
          maxLength: 400,
        }),
        (names) => {
          const buf = Buffer.from(names.join('\n'), 'utf8');
          const t = new ArtistTally();
          const expected = new Map<string, number>();
          const byBytes = new Map<string, string>();
          let at = 0;
          for (const name of names) {
            const len = Buffer.byteLength(name);
            t.add(buf, at, at + len);
            at += len + 1;
            // Rows of the same bytes are one artist, named after its first row, trimmed.
            if (!byBytes.has(name)) byBytes.set(name, name.trim() || '(no artist given)');
            expected.set(name, (expected.get(name) ?? 0) + 1);
          }
          const got = t.entries();
          expect(got.length).toBe(expected.size);
          const sorted = (xs: { name: string; n: number }[]) =>
            [...xs].sort((a, b) => (a.name + a.n < b.name + b.n ? -1 : 1));
          expect(sorted(got)).toEqual(
            sorted([...expected].map(([k, n]) => ({ name: byBytes.get(k) as string, n }))),
          );
        },
      ),
    );
  });

  it('keeps 100,000 distinct artists apart', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `Artist ${i}`);
    const buf = Buffer.from(names.join(','));
    const t = new ArtistTally();
    let at = 0;
    for (const n of names) {
      t.add(buf, at, at + n.length);
      t.add(buf, at, at + n.length);
      at += n.length + 1;
    }
    const e = t.entries();
    expect(e.length).toBe(100_000);
    expect(t.size).toBe(100_000);
    expect(e.every((x, i) => x.n === 2 && x.name === `Artist ${i}`)).toBe(true);
    t.clear();
    expect(t.entries()).toEqual([]);
  });
});
