import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packIsrc, packIsrcBytes, PACKED_ISRC_LIMIT, unpackIsrc } from './isrc-pack.js';

const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const isrcArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 2 }),
    fc.string({ unit: fc.constantFrom(...A36), minLength: 3, maxLength: 3 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 7 }),
  )
  .map(([a, b, c]) => a + b + c);

describe('packIsrc', () => {
  it('round-trips every ISRC and stays below 2^53', () => {
    fc.assert(
      fc.property(isrcArb, (isrc) => {
        const p = packIsrc(isrc);
        expect(Number.isSafeInteger(p)).toBe(true);
        expect(p).toBeLessThan(PACKED_ISRC_LIMIT);
        expect(unpackIsrc(p)).toBe(isrc);
        expect(packIsrc(isrc.toLowerCase())).toBe(p);
        expect(packIsrcBytes(Buffer.from(`x,${isrc},y`), 2)).toBe(p);
      }),
    );
  });

  it('keeps the order of the strings', () => {
    fc.assert(
      fc.property(isrcArb, isrcArb, (a, b) => {
        expect(Math.sign(packIsrc(a) - packIsrc(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('packs the extremes', () => {
    expect(packIsrc('AA0000000000')).toBe(0);
    expect(packIsrc('ZZZZZ99999999'.slice(0, 12))).toBe(PACKED_ISRC_LIMIT - 1);
  });

  it.each([
    '',
    'FRZ03250000',
    'FRZ0325000011',
    '1RZ032500001',
    'FR-032500001',
    'FRZ03250000X',
    'FRZ03A500001',
    'FRÉ032500001',
  ])('rejects %j', (s) => {
    expect(packIsrc(s)).toBe(-1);
  });

  it('rejects bytes past the end of the buffer', () => {
    expect(packIsrcBytes(Buffer.from('FRZ0325000'), 0)).toBe(-1);
  });

  it('unpackIsrc refuses values that are not packed ISRCs', () => {
    expect(() => unpackIsrc(-1)).toThrow(RangeError);
    expect(() => unpackIsrc(PACKED_ISRC_LIMIT)).toThrow(RangeError);
    expect(() => unpackIsrc(1.5)).toThrow(RangeError);
  });
});
