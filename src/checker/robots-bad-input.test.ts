/** Hostile and broken robots.txt bodies: each parses without throwing and gives a defined answer. */
import { describe, expect, it } from 'vitest';
import { evaluateRobots } from './robots-eval.js';
import { parseRobots } from './robots-parse.js';

const cases: [string, string | Uint8Array, string, boolean][] = [
  ['empty file', '', '/x', true],
  ['only comments', '# User-agent: *\n# Disallow: /\n', '/x', true],
  ['no colon', 'User-agent *\nDisallow /\n', '/x', true],
  ['binary noise', Uint8Array.from([0, 255, 254, 10, 0x80, 0x3a, 10]), '/x', true],
  ['invalid UTF-8 in a rule', Buffer.concat([Buffer.from('User-agent: *\nDisallow: /a'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), '/a%EF%BF%BD%EF%BF%BD', false],
  ['NUL after the star (not the * group)', 'User-agent: *\u0000\nDisallow: /\u0000x\n', '/\u0000x', true],
  ['NUL in a rule', 'User-agent: *\nDisallow: /\u0000x\n', '/\u0000x', false],
  ['HTML error page', '<html><body>Not found: the page</body></html>', '/x', true],
  ['rules without a group', 'Disallow: /\nAllow: /x\n', '/y', true],
  ['empty user-agent', 'User-agent:\nDisallow: /\n', '/y', true],
  ['only a star of stars', 'User-agent: **\nDisallow: /\n', '/y', true],
  ['a very long line', `User-agent: *\nDisallow: /${'a'.repeat(100_000)}\n`, '/a', true],
  ['many wildcards', `User-agent: *\nDisallow: /${'*a'.repeat(5000)}$\n`, `/${'a'.repeat(4999)}b`, true],
  ['lone surrogate', 'User-agent: *\nDisallow: /\uD800\n', '/%EF%BF%BD', false],
  ['only a dollar', 'User-agent: *\nDisallow: $\n', '/', true],
  ['percent at the end', 'User-agent: *\nDisallow: /a%\n', '/a%', false],
];

describe('bad robots.txt input', () => {
  it.each(cases)('%s', (_name, body, path, expected) => {
    expect(evaluateRobots(parseRobots(body), 'Bot', path).allowed).toBe(expected);
  });

  it('a pathological wildcard pattern over a long path stays fast', () => {
    const r = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(2000)}*b$\n`);
    const started = performance.now();
    expect(evaluateRobots(r, 'Bot', `/${'a'.repeat(200_000)}`).allowed).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
