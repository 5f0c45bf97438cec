// RFC 8785 examples: section 3.2.2 (the sample object), 3.2.3 (property sorting) and Appendix B
// (number serialisation, IEEE 754 bit patterns and the text they must give).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { LedgerError } from './errors.js';

const double = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof LedgerError ? e.code : 'other';
  }
  return undefined;
};

describe('canonicalJson follows RFC 8785', () => {
  it('writes the section 3.2.2 sample exactly', () => {
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`) as JsonValue;
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts properties by UTF-16 code units as in section 3.2.3', () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as JsonValue;
    const text = canonicalJson(input);
    const values = [...text.matchAll(/":"([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(text.startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control"')).toBe(true);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: IEEE 754 %s is written %s', (hex, want) => {
    expect(canonicalJson(double(hex))).toBe(want);
  });

  it('refuses the Appendix B values with no JSON form (NaN, Infinity)', () => {
    expect(code(() => canonicalJson(double('7fffffffffffffff')))).toBe('LEDGER_NOT_JSON');
    expect(code(() => canonicalJson(double('7ff0000000000000')))).toBe('LEDGER_NOT_JSON');
  });

  it('encodes as UTF-8 without escaping non-ASCII', () => {
    expect(Buffer.from(canonicalJsonBytes({ s: '€' })).toString('hex')).toBe('7b2273223a22e282ac227d');
  });
});

describe('canonicalJson refuses what JSON cannot hold, with LEDGER_NOT_JSON', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const sparse: number[] = [];
  sparse[0] = 1;
  sparse[2] = 3;
  let deep: unknown = 1;
  for (let i = 0; i < 200; i++) deep = [deep];
  it.each([
    ['undefined member', { a: undefined }],
    ['function', { f: () => 1 }],
    ['symbol', [Symbol('x')]],
    ['bigint', { n: 1n }],
    ['-Infinity', [-Infinity]],
    ['lone high surrogate', '\ud800'],
    ['lone low surrogate in a key', { '\udc00': 1 }],
    ['sparse array', sparse],
    ['Date', { at: new Date(0) }],
    ['Map', new Map()],
    ['cycle', cyclic],
    ['200 levels of nesting', deep],
  ])('%s', (_name, value) => {
    expect(code(() => canonicalJson(value as JsonValue))).toBe('LEDGER_NOT_JSON');
  });

  it('accepts a shared (non-cyclic) sub-object twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('canonicalJson properties', () => {
  it('is a fixed point, reparses to the same value, and ignores key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const value = v as JsonValue;
        const text = canonicalJson(value);
        const back = JSON.parse(text) as JsonValue;
        expect(canonicalJson(back)).toBe(text);
        expect(back).toEqual(JSON.parse(JSON.stringify(value)));
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse()) as JsonValue;
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
    );
  });

  it('gives the library text whether or not keys come sorted (native fast path vs library)', () => {
    const sortDeep = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortDeep)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]),
            )
          : v;
    const keyed = fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('1', '10', '9', '-1', 'a', 'A', '\u00e9')),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), keyed), (v) => {
        const value = v as JsonValue;
        const sorted = sortDeep(value) as JsonValue;
        expect(canonicalJson(value)).toBe(canonicalize(value));
        expect(canonicalJson(sorted)).toBe(canonicalize(sorted));
      }),
      { numRuns: 500 },
    );
  });
});
