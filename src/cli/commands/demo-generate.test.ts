import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DemoError } from '../../demo/errors.js';
import { parseScale } from './demo-generate.js';

describe('parseScale', () => {
  it.each([
    ['1', 1],
    ['200000', 200_000],
    ['200_000', 200_000],
    ['1,000,000', 1_000_000],
    [' 10000000 ', 10_000_000],
  ])('reads %j', (raw, n) => {
    expect(parseScale(raw)).toBe(n);
  });

  it.each(['', '0', '-5', '1.5', '1e6', '10000001', 'abc', '12abc', '0x10', '∞', '١٢٣'])(
    'rejects %j with DEMO_INVALID_OPTIONS',
    (raw) => {
      expect(() => parseScale(raw)).toThrow(DemoError);
      try {
        parseScale(raw);
      } catch (e) {
        expect((e as DemoError).code).toBe('DEMO_INVALID_OPTIONS');
      }
    },
  );

  it('reads back any scale in range, and rejects or reads any other text without throwing anything else', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => parseScale(String(n)) === n));
    fc.assert(
      fc.property(fc.string(), (raw) => {
        try {
          const n = parseScale(raw);
          return Number.isInteger(n) && n >= 1 && n <= 10_000_000;
        } catch (e) {
          return e instanceof DemoError;
        }
      }),
    );
  });
});
