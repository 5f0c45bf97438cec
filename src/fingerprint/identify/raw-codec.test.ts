import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRaw, encodeRaw, rawSha256 } from './raw-codec.js';
import { parseFpcalc } from './source.js';

describe('raw fingerprint storage form', () => {
  it('round-trips any list of 32-bit items', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), (xs) => {
        expect([...decodeRaw(encodeRaw(Uint32Array.from(xs)))]).toEqual(xs);
      }),
    );
  });
  it('hashes the little-endian bytes', () => {
    expect(rawSha256(Uint32Array.from([1]))).toBe(
      '67abdd721024f0ff4e0b3f4c2fc13bc5bad42d0b7851d456d88d203d15aaa450',
    );
    expect(() => decodeRaw('AAA')).toThrow(/multiple of 4/);
  });
  it('reads fpcalc -raw -json output and refuses anything else', () => {
    expect(parseFpcalc('{"duration": 12.5, "fingerprint": [1, 4294967295]}')).toEqual({
      duration: 12.5,
      raw: Uint32Array.from([1, 4294967295]),
    });
    expect(parseFpcalc('FINGERPRINT=AQAA')).toBeNull();
    expect(parseFpcalc('{"duration": "x"}')).toBeNull();
  });
});
