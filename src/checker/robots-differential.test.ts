/**
 * Differential test against `robots-parser` (npm, the benchmark's baseline) on the grammar both read the
 * same way: ASCII paths, groups that all have rules, `*` and `$` patterns. Where the two disagree elsewhere
 * (empty groups, encodings) RFC 9309 and Google's suite decide, not this test.
 */
import fc from 'fast-check';
import robotsParserModule from 'robots-parser';
import { describe, expect, it } from 'vitest';
import { evaluateRobots } from './robots-eval.js';
import { parseRobots } from './robots-parse.js';

// A CommonJS module whose typings declare an ES default export: at run time the import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => { isAllowed(url: string, ua?: string): boolean | undefined };

const seg = fc.constantFrom('a', 'b', 'ab', 'x.html', 'y.mp3', '');
const pattern = fc.tuple(fc.array(fc.oneof(seg, fc.constant('*')), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([parts, end]) => `/${parts.join('/')}${end ? '$' : ''}`);
const rule = fc.tuple(fc.constantFrom('Allow', 'Disallow'), pattern).map(([k, p]) => `${k}: ${p}`);
const group = fc.tuple(fc.constantFrom('*', 'TestBot', 'OtherBot'), fc.array(rule, { minLength: 1, maxLength: 5 })).map(([ua, rules]) => `User-agent: ${ua}\n${rules.join('\n')}\n`);
const path = fc.array(seg, { maxLength: 4 }).map((p) => `/${p.join('/')}`);

describe('robots.txt: same answers as robots-parser on the common grammar', () => {
  it('allow / disallow agree', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), path, fc.constantFrom('TestBot', 'NoSuchBot'), (groups, p, agent) => {
        const text = groups.join('\n');
        if (p === '/robots.txt') return;
        const theirs = robotsParser('https://site.example/robots.txt', text).isAllowed(`https://site.example${p}`, agent) ?? true;
        expect(evaluateRobots(parseRobots(text), agent, `https://site.example${p}`).allowed).toBe(theirs);
      }),
      { numRuns: 500 },
    );
  });
});
