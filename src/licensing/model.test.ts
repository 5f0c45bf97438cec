import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveringLicences, licenceCovers, parseTerms, type Licence, type RecordingScope } from './model.js';

const terms = (over: Record<string, unknown> = {}) =>
  parseTerms({ uses: ['ai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X', ...over }, 'test');
const licence = (over: Partial<Licence> = {}, t: Record<string, unknown> = {}): Licence => ({
  id: 'lic-1',
  licensee: 'org-a',
  request: 'lr-1',
  terms: terms(t),
  tariff: { id: 'genai-2026', version: 1 },
  issuedAt: '2025-12-20T00:00:00.000Z',
  terminatedAt: null,
  ...over,
});
const rec: RecordingScope = { isrc: 'FRZ032500001', medium: 'sound', year: 2020, label: 'Label A', performerIds: ['p1', 'p2'] };
const AT = '2026-06-01T00:00:00.000Z';

describe('parseTerms', () => {
  it('fills media and territory defaults and normalises the term', () => {
    const t = terms();
    expect(t.media).toEqual(['sound', 'audiovisual']);
    expect(t.territories).toEqual(['WORLD']);
    expect(t.from).toBe('2026-01-01T00:00:00.000Z');
  });

  it('names every bad field', () => {
    let msg = '';
    try {
      parseTerms({ uses: [], repertoire: { kind: 'recordings', isrcs: ['fr-z03'] }, territories: ['France'], from: 'soon', to: '2027-01-01', product: '' }, 'request.json');
    } catch (e) {
      msg = (e as Error).message;
    }
    for (const f of ['uses', 'repertoire.isrcs.0', 'territories.0', 'from', 'product']) expect(msg).toContain(`${f}:`);
    expect(() => terms({ from: '2027-01-01', to: '2026-01-01' })).toThrow(/to: the term must end after it starts/);
  });

  it('throws only its coded error on any input (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseTerms(v, 'fuzz');
        } catch (e) {
          expect(e).toMatchObject({ code: 'LICENSING_BAD_USAGE' });
        }
      }),
    );
  });
});

describe('licenceCovers', () => {
  it('covers a use in force, in scope', () => {
    expect(licenceCovers(licence(), rec, 'ai-training', AT)).toBe(true);
    // ai-training covers generative training, as a mandate does; not inference.
    expect(licenceCovers(licence(), rec, 'genai-training', AT)).toBe(true);
    expect(licenceCovers(licence(), rec, 'ai-inference', AT)).toBe(false);
  });

  it('holds only during the term and until termination', () => {
    expect(licenceCovers(licence(), rec, 'ai-training', '2025-12-31T23:59:59.999Z')).toBe(false);
    expect(licenceCovers(licence(), rec, 'ai-training', '2027-01-01T00:00:00.000Z')).toBe(false);
    expect(licenceCovers(licence({ terminatedAt: '2026-03-01T00:00:00.000Z' }), rec, 'ai-training', AT)).toBe(false);
  });

  it('checks medium, territory and repertoire', () => {
    expect(licenceCovers(licence({}, { media: ['audiovisual'] }), rec, 'ai-training', AT)).toBe(false);
    const fr = licence({}, { territories: ['FR'] });
    expect(licenceCovers(fr, rec, 'ai-training', AT, 'fr')).toBe(true);
    expect(licenceCovers(fr, rec, 'ai-training', AT, 'DE')).toBe(false);
    // No territory in the question: only a worldwide licence answers for everywhere.
    expect(licenceCovers(fr, rec, 'ai-training', AT)).toBe(false);
    expect(licenceCovers(licence({}, { repertoire: { kind: 'recordings', isrcs: ['FRZ032500002'] } }), rec, 'ai-training', AT)).toBe(false);
    expect(licenceCovers(licence({}, { repertoire: { kind: 'performers', performerIds: ['p2'] } }), rec, 'ai-training', AT)).toBe(true);
    expect(licenceCovers(licence({}, { repertoire: { kind: 'filter', yearFrom: 2021 } }), rec, 'ai-training', AT)).toBe(false);
    expect(licenceCovers(licence({}, { repertoire: { kind: 'filter', labels: ['Label A'], yearTo: 2020 } }), rec, 'ai-training', AT)).toBe(true);
  });

  it('lists covering licences first-issued first', () => {
    const a = licence({ id: 'b', issuedAt: '2026-02-01T00:00:00.000Z' });
    const b = licence({ id: 'a', issuedAt: '2026-01-01T00:00:00.000Z' });
    const c = licence({ id: 'c' }, { uses: ['search'] });
    expect(coveringLicences([a, b, c], rec, 'ai-training', AT).map((l) => l.id)).toEqual(['a', 'b']);
  });
});
