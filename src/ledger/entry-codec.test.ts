import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGAL_BASES, MANDATE_CHANGES, MEDIA, USES, type MandateVersion } from '../registry/model.js';
import { canonicalJson } from './canonical-json.js';
import { mandateEntry } from './entries.js';
import { encodeEntry, isInstant, parseEntry, topicKey } from './entry-codec.js';
import { LedgerError } from './errors.js';
import { leafHash } from './hash.js';

const instant = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const mandateArb: fc.Arbitrary<MandateVersion> = fc.record({
  id: fc.uuid(),
  mandateId: fc.uuid(),
  version: fc.integer({ min: 1, max: 1000 }),
  performerId: fc.uuid(),
  legalBasis: fc.constantFrom(...LEGAL_BASES),
  uses: fc.uniqueArray(fc.constantFrom(...USES)),
  media: fc.uniqueArray(fc.constantFrom(...MEDIA)),
  territories: fc.uniqueArray(fc.constantFrom('WORLD', 'FR', 'BE', 'DE')),
  validFrom: instant,
  validTo: fc.option(instant, { nil: null }),
  withdrawnAt: fc.option(instant, { nil: null }),
  sourceRef: fc.option(fc.string(), { nil: null }),
  change: fc.constantFrom(...MANDATE_CHANGES),
  recordedAt: instant,
});

describe('encodeEntry', () => {
  it('writes canonical JSON of { type, at, data } and hashes exactly those bytes', () => {
    const e = encodeEntry({ type: 'test.event', at: '2025-01-01T00:00:00.000Z', data: { b: 1, a: 'é' } });
    expect(e.body).toBe('{"at":"2025-01-01T00:00:00.000Z","data":{"a":"é","b":1},"type":"test.event"}');
    expect(e.leafHash).toEqual(leafHash(Buffer.from(e.body, 'utf8')));
    expect(e.topic).toBeNull();
    expect(e.topicKey).toBeNull();
    const m = encodeEntry({ type: 'mandate.version', at: '2025-01-01T00:00:00.000Z', data: { performerId: 'p1' } });
    expect([m.topic, m.topicKey]).toEqual(['performer:p1', topicKey('performer:p1')]);
    expect(Number.isSafeInteger(m.topicKey)).toBe(true);
  });

  it('refuses bad types, instants and data', () => {
    const at = '2025-01-01T00:00:00.000Z';
    for (const type of ['', 'mandate', 'Mandate.version', 'a..b', 'a.b ', `a.${'b'.repeat(70)}`, 7 as unknown as string]) {
      expect(() => encodeEntry({ type, at, data: null }), String(type)).toThrow(expect.objectContaining({ code: 'LEDGER_ENTRY_INVALID' }));
    }
    for (const bad of ['2025-01-01', '2025-01-01T00:00:00Z', '2025-02-30T00:00:00.000Z', '', 'now']) {
      expect(() => encodeEntry({ type: 'a.b', at: bad, data: null }), bad).toThrow(expect.objectContaining({ code: 'LEDGER_ENTRY_INVALID' }));
    }
    expect(() => encodeEntry({ type: 'a.b', at, data: { x: Number.NaN } })).toThrow(expect.objectContaining({ code: 'LEDGER_NOT_JSON' }));
  });

  it('recognises only real instants in the one written form', () => {
    expect(isInstant('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isInstant('2023-02-29T00:00:00.000Z')).toBe(false);
    expect(isInstant(20240229)).toBe(false);
  });

  it('agrees with the reference regular expression on any text (property)', () => {
    const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
    const reference = (text: string): boolean => {
      if (INSTANT.exec(text) === null) return false;
      const t = Date.parse(text);
      return !Number.isNaN(t) && new Date(t).toISOString() === text;
    };
    // ISO instants with one character changed, and any short text.
    const nearly = fc
      .tuple(fc.date({ min: new Date('0000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), fc.nat({ max: 23 }), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([d, at, c]) => d.toISOString().slice(0, at) + c + d.toISOString().slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), nearly), (text) => {
        expect(isInstant(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on instant-shaped text with out-of-range fields (property)', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two, two, two, two, two, fc.integer({ min: 0, max: 999 }))
      .map(([y, mo, d, h, mi, s, ms]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`);
    fc.assert(
      fc.property(shaped, (text) => {
        const t = Date.parse(text);
        expect(isInstant(text)).toBe(!Number.isNaN(t) && new Date(t).toISOString() === text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseEntry', () => {
  it('reads back any mandate version exactly (property)', () => {
    fc.assert(
      fc.property(mandateArb, (v) => {
        const parsed = parseEntry(encodeEntry(mandateEntry(v)).body);
        expect(parsed).toEqual({ type: 'mandate.version', at: v.recordedAt, data: v });
      }),
    );
  });

  it('keeps unknown dotted types as opaque entries', () => {
    expect(parseEntry('{"at":"2025-01-01T00:00:00.000Z","data":[1,{"x":null}],"type":"licence.granted"}')).toEqual({
      type: 'other',
      entryType: 'licence.granted',
      at: '2025-01-01T00:00:00.000Z',
      data: [1, { x: null }],
    });
  });

  const at = '"at":"2025-01-01T00:00:00.000Z"';
  const good = JSON.parse(canonicalJson(mandateEntry(fc.sample(mandateArb, { numRuns: 1, seed: 7 })[0]!) as never)) as { data: Record<string, unknown> };
  const mandateWith = (patch: Record<string, unknown>) => JSON.stringify({ type: 'mandate.version', at: '2025-01-01T00:00:00.000Z', data: { ...good.data, ...patch } });
  it.each([
    ['not JSON', '{"type":'],
    ['not an object', '[1,2]'],
    ['no type', `{${at},"data":{}}`],
    ['a bad type', `{${at},"data":{},"type":"x"}`],
    ['a date, not an instant', '{"at":"2025-01-01","data":{},"type":"a.b"}'],
    ['an extra top-level field', `{${at},"data":{},"type":"a.b","sig":1}`],
    ['an extra mandate field', mandateWith({ note: 'x' })],
    ['a missing mandate field', mandateWith({ validTo: undefined })],
    ['an unknown use', mandateWith({ uses: ['painting'] })],
    ['a lower-case territory', mandateWith({ territories: ['fr'] })],
    ['a version 0', mandateWith({ version: 0 })],
    ['a string version', mandateWith({ version: '1' })],
    ['a bad recorded instant', mandateWith({ recordedAt: '2025-13-01T00:00:00.000Z' })],
    ['a line-up without members', `{${at},"data":{"recording":{"id":"r","kind":"sound","isrc":null,"isan":null,"eidr":null,"title":"t"}},"type":"lineup.set"}`],
    ['a withdrawal without instant', `{${at},"data":{"id":"d"},"type":"declaration.withdrawn"}`],
  ])('refuses %s', (_name, body) => {
    expect(() => parseEntry(body)).toThrow(expect.objectContaining({ code: 'LEDGER_ENTRY_INVALID' }));
  });

  it('throws nothing but LEDGER_ENTRY_INVALID on arbitrary text and JSON (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ type: 'mandate.version', at: '2025-01-01T00:00:00.000Z', data: v }))), (text) => {
        try {
          parseEntry(text);
        } catch (e) {
          expect(e).toBeInstanceOf(LedgerError);
          expect((e as LedgerError).code).toBe('LEDGER_ENTRY_INVALID');
        }
      }),
    );
  });
});
