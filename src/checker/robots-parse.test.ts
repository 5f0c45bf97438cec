import { describe, expect, it } from 'vitest';
import { ROBOTS_MAX_BYTES, parseRobots } from './robots-parse.js';
import { evaluateRobots } from './robots-eval.js';

describe('parseRobots', () => {
  it('reads groups, rules with line numbers, and other records', () => {
    const r = parseRobots('\uFEFF# hi\nUser-agent: A # comment\nUser-agent: *\nDisallow: /x # no\nAllow:\nSitemap: https://a.example/s.xml\n');
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ agents: ['a'], global: true, line: 2 });
    expect(r.groups[0]?.rules.map((x) => [x.allow, x.pattern.text, x.line])).toEqual([[false, '/x', 4]]);
    expect(r.sitemaps).toEqual([{ value: 'https://a.example/s.xml', line: 6 }]);
  });

  it('handles CR, CRLF and LF line ends alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const r = parseRobots(['User-agent: A', 'Disallow: /x', 'Allow: /x/y'].join(nl));
      expect(r.groups[0]?.rules.map((x) => x.line)).toEqual([2, 3]);
    }
  });

  it('ignores rules before any group', () => {
    expect(parseRobots('Disallow: /\n').groups).toEqual([]);
  });

  it('splits a Content-Usage value into an optional path and the preference', () => {
    const r = parseRobots('User-agent: *\nAllow: /\nContent-Usage: /music/\ttrain-ai=n\nContent-Usage: search=y\n');
    const [a, b] = r.groups[0]?.contentUsage ?? [];
    expect([a?.pattern?.text, a?.preference]).toEqual(['/music/', 'train-ai=n']);
    expect([b?.pattern, b?.preference]).toEqual([null, 'search=y']);
  });

  it('reads only the first 500 KiB, dropping a line cut in two', () => {
    const filler = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(ROBOTS_MAX_BYTES / 101));
    const head = 'User-agent: *\nDisallow: /private/\n';
    const cutLine = `${head}${filler}`.slice(0, ROBOTS_MAX_BYTES - 5) + 'Disallow: /a-long-rule\n';
    const r = parseRobots(cutLine);
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBe(ROBOTS_MAX_BYTES);
    expect(r.groups[0]?.rules.map((x) => x.pattern.text)).toEqual(['/private/']);
    const bytes = parseRobots(Buffer.from(cutLine));
    expect(bytes.groups[0]?.rules.map((x) => x.pattern.text)).toEqual(['/private/']);
  });

  it('a rule past the limit has no effect', () => {
    const body = 'User-agent: *\n' + '#'.repeat(ROBOTS_MAX_BYTES) + '\nDisallow: /\n';
    expect(evaluateRobots(parseRobots(body), 'X', '/a').allowed).toBe(true);
  });
});
