import { describe, expect, it } from 'vitest';
import { readLinkHeader } from './link-header.js';

describe('readLinkHeader', () => {
  it('reads target, rel and type, several links and quoted commas', () => {
    expect(readLinkHeader('<https://a.example/license.xml>; rel="license"; type="application/rsl+xml", <https://a.example/x,y>; rel="alternate next"; title="a, b"')).toEqual([
      { href: 'https://a.example/license.xml', rel: ['license'], type: 'application/rsl+xml' },
      { href: 'https://a.example/x,y', rel: ['alternate', 'next'], type: null },
    ]);
  });

  it('takes unquoted values and ignores garbage', () => {
    expect(readLinkHeader('<https://a.example/l>;rel=license;TYPE=Application/RSL+XML')).toEqual([{ href: 'https://a.example/l', rel: ['license'], type: 'application/rsl+xml' }]);
    expect(readLinkHeader('nonsense, ;;, <')).toEqual([]);
  });
});

describe('readLinkHeader on hostile values', () => {
  it.each([
    ['many opening brackets', '<'.repeat(50_000)],
    ['many parameters', `<a>${'; a'.repeat(20_000)}`],
    ['an unterminated quote', `<a>; rel="${'x'.repeat(50_000)}`],
  ])('%s: answers fast', (_name, value) => {
    const started = performance.now();
    readLinkHeader(value);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
