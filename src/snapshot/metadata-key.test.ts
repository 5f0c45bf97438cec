import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metadataKey, normaliseArtist, normaliseTitle } from './metadata-key.js';

describe('metadata keys', () => {
  it.each([
    ['Café del Mar', 'cafe del mar'],
    ['CRAZY IN LOVE', 'crazy in love'],
    ['Crazy in Love (feat. Jay-Z)', 'crazy in love'],
    ['Crazy in Love [ft. Jay-Z]', 'crazy in love'],
    ['Crazy in Love feat. Jay-Z', 'crazy in love'],
    ['Here Comes the Sun - Remastered 2009', 'here comes the sun'],
    ['Here Comes the Sun - 2019 Remaster', 'here comes the sun'],
    ['Here Comes the Sun (Remastered 2011)', 'here comes the sun'],
    ['Here Comes the Sun [2009 Remaster]', 'here comes the sun'],
    ["Don't Stop Me Now!", 'don t stop me now'],
    ['Straße', 'strasse'],
    ['ﬁne', 'fine'],
    ['Tout – le monde', 'tout le monde'],
  ])('title %j -> %j', (raw, want) => {
    expect(normaliseTitle(raw)).toBe(want);
  });

  it.each([
    ['Beyoncé ft. Jay-Z', 'beyonce'],
    ['The Beatles', 'beatles'],
    ['Zaz featuring Pablo', 'zaz'],
    ['Sigur Rós', 'sigur ros'],
    ['AC/DC', 'ac dc'],
  ])('artist %j -> %j', (raw, want) => {
    expect(normaliseArtist(raw)).toBe(want);
  });

  it('is null when a part normalises to nothing', () => {
    expect(metadataKey('!!!', 'Song')).toBeNull();
    expect(metadataKey('A', '')).toBeNull();
    expect(metadataKey('A', 'B')).toBe('a\tb');
  });

  it('is idempotent and never has a tab, an upper-case letter or a double space', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const t = normaliseTitle(s);
        expect(normaliseTitle(t)).toBe(t);
        expect(t).not.toMatch(/\t| {2}|^ | $/);
        expect(t).toBe(t.toLowerCase());
        const a = normaliseArtist(s);
        expect(a).not.toMatch(/\t/);
      }),
    );
  });
});
