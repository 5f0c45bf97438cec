/** Property tests of the robots.txt parser and matcher (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRobots } from './robots-eval.js';
import { parseRobots } from './robots-parse.js';

const token = fc.stringMatching(/^[A-Za-z][A-Za-z_-]{0,11}$/);
const pathChar = fc.constantFrom(...'abcxyz/.-_*$%?=&'.split(''), 'ツ', '%41', '%e3');
const pattern = fc.array(pathChar, { maxLength: 12 }).map((cs) => `/${cs.join('')}`);
const urlPath = fc.array(fc.constantFrom(...'abcxyz/.-_?=&'.split('')), { maxLength: 16 }).map((cs) => `/${cs.join('')}`);
const rule = fc.tuple(fc.constantFrom('Allow', 'Disallow', 'allow', 'DISALLOW'), pattern).map(([k, p]) => `${k}: ${p}`);
const group = fc.tuple(fc.array(fc.oneof(token, fc.constant('*')), { minLength: 1, maxLength: 3 }), fc.array(rule, { maxLength: 6 })).map(
  ([agents, rules]) => `${agents.map((a) => `User-agent: ${a}`).join('\n')}\n${rules.join('\n')}\n`,
);
const robotsTxt = fc.array(group, { maxLength: 5 }).map((gs) => gs.join('\n'));

describe('robots.txt properties', () => {
  it('never throws and ends quickly on any text up to 1 MB', () => {
    const big = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.tuple(fc.string({ maxLength: 50 }), fc.integer({ min: 1, max: 20_000 })).map(([s, n]) => s.repeat(n).slice(0, 1_000_000)),
    );
    fc.assert(
      fc.property(big, token, fc.string({ maxLength: 200 }), (text, agent, url) => {
        const started = performance.now();
        const a = evaluateRobots(parseRobots(text), agent, url);
        expect(typeof a.allowed).toBe('boolean');
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 60 },
    );
  });

  // Prepended: appended after a trailing run of User-agent lines it would join that group (RFC 9309 §2.1).
  it('a group for an unrelated token changes no verdict', () => {
    fc.assert(
      fc.property(robotsTxt, urlPath, pattern, (txt, path, extra) => {
        const before = evaluateRobots(parseRobots(txt), 'TestBot', path).allowed;
        const after = evaluateRobots(parseRobots(`User-agent: UnrelatedBotZ\nDisallow: ${extra}\nAllow: /\n${txt}`), 'TestBot', path).allowed;
        expect(after).toBe(before);
      }),
    );
  });

  it('the order of rules inside a group changes no verdict', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), urlPath, (rules, path) => {
        const a = evaluateRobots(parseRobots(`User-agent: *\n${rules.join('\n')}\n`), 'X', path).allowed;
        const b = evaluateRobots(parseRobots(`User-agent: *\n${[...rules].reverse().join('\n')}\n`), 'X', path).allowed;
        expect(b).toBe(a);
      }),
    );
  });

  it('adding `Disallow: /` never allows more, and disallows every path no rule matched', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), urlPath, (rules, path) => {
        const before = evaluateRobots(parseRobots(`User-agent: *\n${rules.join('\n')}\n`), 'X', path);
        const after = evaluateRobots(parseRobots(`User-agent: *\n${rules.join('\n')}\nDisallow: /\n`), 'X', path);
        if (!before.allowed) expect(after.allowed).toBe(false);
        if (before.matched === null && path !== '/robots.txt') expect(after.allowed).toBe(false);
      }),
    );
  });

  it('agent tokens match case-insensitively', () => {
    fc.assert(
      fc.property(robotsTxt, token, urlPath, (txt, agent, path) => {
        const r = parseRobots(txt);
        expect(evaluateRobots(r, agent.toUpperCase(), path).allowed).toBe(evaluateRobots(r, agent.toLowerCase(), path).allowed);
      }),
    );
  });

  it('with no rules at all, everything is allowed', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 4 }), urlPath, (agents, path) => {
      const txt = agents.map((a) => `User-agent: ${a}\nSitemap: /s\n`).join('');
      expect(evaluateRobots(parseRobots(txt), 'X', path).allowed).toBe(true);
    }));
  });
});
