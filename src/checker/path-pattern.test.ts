import { describe, expect, it } from 'vitest';
import { compilePattern, normaliseEncoding, normalisePath, patternFromPieces } from './path-pattern.js';

describe('compilePattern', () => {
  it.each([
    ['/x/', '/x/y', true],
    ['/x/', '/x', false],
    ['/x$', '/x', true],
    ['/x$', '/x/', false],
    ['/*.html', '/a/b.html', true],
    ['/*.html', '/a/b.htm', false],
    ['/*.html$', '/a/b.html?q', false],
    ['/*.html', '/a/b.html?q', true],
    ['/a*b*c', '/axxbyyc', true],
    ['/a*b*c', '/axxcyyb', false],
    ['/a*b*c$', '/abcbc', true],
    ['/a$b', '/a$b', true],
    ['*', '/anything', true],
    ['*.mp3', '/a/b.mp3', true],
    ['/*', '/', true],
    ['/**', '/x', true],
    ['/a*$', '/a', true],
  ])('%s ~ %s = %s', (pattern, path, expected) => {
    expect(compilePattern(pattern).matches(path)).toBe(expected);
  });

  it('serialises as its text', () => {
    const p = compilePattern('/a*b$');
    p.matches('/ab');
    expect(JSON.stringify({ p })).toBe('{"p":"/a*b$"}');
  });

  it('counts length on the normalised text, wildcards included', () => {
    expect(compilePattern('/x/*.html$').length).toBe(10);
  });

  it('matches literal pieces given directly (a TDMRep %24 is a literal $)', () => {
    const p = patternFromPieces('/foo-%24', ['/foo-$'], false);
    expect(p.matches('/foo-$')).toBe(true);
    expect(p.matches('/foo-')).toBe(false);
  });
});

describe('percent-encoding', () => {
  it('encodes non-ASCII in patterns and upper-cases escapes', () => {
    expect(normaliseEncoding('/foo/bar/ツ')).toBe('/foo/bar/%E3%83%84');
    expect(normaliseEncoding('/a%e3%83%84')).toBe('/a%E3%83%84');
    expect(normaliseEncoding('/plain')).toBe('/plain');
    expect(normaliseEncoding('/100%')).toBe('/100%');
  });

  it('upper-cases escapes in paths and leaves the rest', () => {
    expect(normalisePath('/a%e3%83%84?x=%2f')).toBe('/a%E3%83%84?x=%2F');
    expect(normalisePath('/ツ')).toBe('/ツ');
    expect(normalisePath('/%AB')).toBe('/%AB');
  });
});
