/** Property and bad-input tests of the TDMRep readers (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtmlSignals } from './html-signals.js';
import { matchTdmrep, parseTdmrep } from './tdmrep-file.js';

const seg = fc.stringMatching(/^[a-z0-9.~*%$-]{0,6}$/);
const location = fc.array(seg, { maxLength: 4 }).map((s) => `/${s.join('/')}`);
const rule = fc.record({ location, 'tdm-reservation': fc.constantFrom(0, 1, 2, '1', null) });
const path = fc.array(fc.stringMatching(/^[a-z0-9.~%-]{0,6}$/), { maxLength: 4 }).map((s) => `/${s.join('/')}`);

describe('TDMRep properties', () => {
  it('never throws or hangs on any text up to 1 MB', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.json(),
      fc.tuple(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 25_000 })).map(([s, n]) => s.repeat(n).slice(0, 1_000_000)),
    );
    fc.assert(
      fc.property(text, path, (t, p) => {
        const started = performance.now();
        const m = matchTdmrep(parseTdmrep(t), p);
        expect([0, 1, null]).toContain(m.reservation);
        readHtmlSignals(t);
        expect(performance.now() - started).toBeLessThan(3000);
      }),
      { numRuns: 60 },
    );
  });

  it('the first matching rule decides: rules after it change nothing', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), fc.array(rule, { maxLength: 4 }), path, (rules, more, p) => {
        const a = matchTdmrep(parseTdmrep(rules), p);
        const b = matchTdmrep(parseTdmrep([...rules, ...more]), p);
        if (a.rule !== null) expect(b).toEqual(a);
      }),
    );
  });

  it('a leading catch-all rule decides every path', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), path, fc.constantFrom<0 | 1>(0, 1), (rules, p, v) => {
        expect(matchTdmrep(parseTdmrep([{ location: '/', 'tdm-reservation': v }, ...rules]), p)).toMatchObject({ reservation: v, rule: 0 });
      }),
    );
  });

  it('a reservation other than 0 or 1 is never read as set, and a policy comes only with 1', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ location, 'tdm-reservation': fc.anything(), 'tdm-policy': fc.anything() }), { maxLength: 5 }), path, (rules, p) => {
        const m = matchTdmrep(parseTdmrep(rules), p);
        if (m.rule !== null) {
          const raw = rules[m.rule]?.['tdm-reservation'];
          expect(m.reservation).toBe(raw === 0 || raw === 1 ? raw : null);
        }
        if (m.policy !== null) expect(m.reservation).toBe(1);
      }),
    );
  });
});

describe('bad tdmrep.json input', () => {
  it.each([
    ['empty', ''],
    ['truncated JSON', '[{"location":"/","tdm-reservation":1'],
    ['object', '{"location":"/","tdm-reservation":1}'],
    ['string', '"[]"'],
    ['number', '1'],
    ['HTML page', '<html><body>404</body></html>'],
    ['deeply nested', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ])('%s: no reservation', (_name, body) => {
    expect(matchTdmrep(parseTdmrep(body), '/a').reservation).toBeNull();
  });

  it.each([
    ['array of junk', '[1, "x", null, [], {"location": null}]'],
    ['location of the wrong type', '[{"location": ["/"], "tdm-reservation": 1}]'],
  ])('%s: valid file, nothing matches', (_name, body) => {
    const f = parseTdmrep(body);
    expect(f.valid).toBe(true);
    expect(matchTdmrep(f, '/').rule).toBeNull();
  });

  it('a pathological wildcard location stays fast', () => {
    const f = parseTdmrep(JSON.stringify([{ location: `/${'*a'.repeat(3000)}*b$`, 'tdm-reservation': 1 }]));
    const started = performance.now();
    expect(matchTdmrep(f, `/${'a'.repeat(300_000)}`).reservation).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
