/** Property tests of the small signal readers: defined answers for any input, and their combination rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinePreferences, readAipref, type AiprefPreferences } from './aipref.js';
import { readContentSignal } from './content-signal.js';
import { readLinkHeader } from './link-header.js';

const pref = fc.constantFrom('allow', 'disallow', 'unknown') as fc.Arbitrary<AiprefPreferences['train-ai']>;
const prefs = fc.record({ 'train-ai': pref, search: pref });

describe('signal readers', () => {
  it('never throw and answer within their domain on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (s) => {
        const a = readAipref(s);
        expect(['allow', 'disallow', 'unknown']).toContain(a.preferences['train-ai']);
        const c = readContentSignal(s);
        expect(['yes', 'no', 'unset']).toContain(c['ai-train']);
        for (const l of readLinkHeader(s)) expect(typeof l.href).toBe('string');
      }),
    );
  });

  it('an AIPREF dictionary written from preferences reads back the same', () => {
    fc.assert(
      fc.property(prefs, (p) => {
        const members = (['train-ai', 'search'] as const).filter((k) => p[k] !== 'unknown').map((k) => `${k}=${p[k] === 'allow' ? 'y' : 'n'}`);
        expect(readAipref(members.join(', ')).preferences).toEqual(p);
      }),
    );
  });

  it('combining preferences is order-free, and one disallow always wins', () => {
    fc.assert(
      fc.property(fc.array(prefs, { maxLength: 6 }), (all) => {
        expect(combinePreferences([...all].reverse())).toEqual(combinePreferences(all));
        expect(combinePreferences([...all, { 'train-ai': 'disallow', search: 'disallow' }])).toEqual({ 'train-ai': 'disallow', search: 'disallow' });
      }),
    );
  });
});
