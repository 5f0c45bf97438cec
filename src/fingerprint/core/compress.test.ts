import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, packedSize, unpack } from './bit-pack.js';
import { compressFingerprint, compressFingerprintBytes } from './compress.js';
import { decompressFingerprint, decompressFingerprintBytes } from './decompress.js';

describe('compressed fingerprints', () => {
  it('writes the header fpcalc writes: algorithm 1, 24-bit big-endian count, base64url without padding', () => {
    expect(compressFingerprint(new Uint32Array(0))).toBe('AQAAAA');
    const bytes = compressFingerprintBytes(new Uint32Array(948));
    expect(Array.from(bytes.subarray(0, 4))).toEqual([1, 0, 3, 180]);
    const s = compressFingerprint(Uint32Array.from({ length: 948 }, (_, i) => (i * 2654435761) >>> 0));
    expect(s.startsWith('AQADt')).toBe(true);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('encodes gaps of 7 and more through the 5-bit exceptional stream', () => {
    // 1 = gap 1; 1<<31 = gap 32 -> normal 7, exceptional 25.
    const raw = Uint32Array.from([1, 0x80000001, 0xffffffff, 0]);
    expect(decompressFingerprint(compressFingerprint(raw)).raw).toEqual(raw);
  });

  it('round-trips any items and keeps the algorithm id', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 255 }),
        (xs, alg) => {
          const raw = Uint32Array.from(xs);
          const back = decompressFingerprint(compressFingerprint(raw, alg));
          expect(back.raw).toEqual(raw);
          expect(back.algorithm).toBe(alg);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('packs 3- and 5-bit values LSB first and unpacks them back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3, 5),
        fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 50 }),
        (w, xs) => {
          const values = Uint8Array.from(xs.map((x) => x & ((1 << w) - 1)));
          const out = new Uint8Array(packedSize(values.length, w));
          pack(values, w, out, 0);
          expect(Array.from(unpack(out, w).subarray(0, values.length))).toEqual(Array.from(values));
        },
      ),
    );
    const out = new Uint8Array(3);
    pack(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 0]), 3, out, 0);
    // 001 010 011 100 101 110 111 000, LSB first
    expect(Array.from(out)).toEqual([0b11010001, 0b01011000, 0b00011111]);
  });
});

describe('decompressFingerprint rejects what no encoder writes', () => {
  const good = compressFingerprint(Uint32Array.from([0x12345678, 0x9abcdef0, 7, 1 << 31]));
  const cases: [string, string, RegExp][] = [
    ['empty', '', /shorter than its 4-byte header/],
    ['only part of a header', 'AQA', /shorter than its 4-byte header/],
    ['truncated data', good.slice(0, 12), /header says 4 items|exceptional bits are missing/],
    ['characters outside base64url', good.slice(0, 10) + '+/' + good.slice(12), /URL-safe base64/],
    ['spaces inside', `${good.slice(0, 8)} ${good.slice(8)}`, /URL-safe base64/],
    [
      'an impossible base64 length',
      `${good}A`.slice(0, 4 * Math.floor(good.length / 4) + 1),
      /base64 length/,
    ],
  ];
  for (const [name, text, why] of cases) {
    it(name, () => {
      expect(() => decompressFingerprint(text)).toThrow(why);
      try {
        decompressFingerprint(text);
      } catch (e) {
        expect((e as { code?: string }).code).toBe('FINGERPRINT_BAD_FINGERPRINT');
      }
    });
  }

  it('a header promising more items than the data holds', () => {
    const bytes = compressFingerprintBytes(Uint32Array.from([5, 6, 7]));
    bytes[1] = 0x10;
    expect(() => decompressFingerprintBytes(bytes)).toThrow(/header says 1048579 items/);
  });

  it('an item with a bit beyond 32', () => {
    // Header: 1 item; normal stream 7 (exceptional 25 -> bit 32), 7 (exceptional 31 -> bit 70), 0.
    const bytes = Uint8Array.from([1, 0, 0, 1, 0b00111111, 0, 0b11111001, 0b00000011]);
    expect(() => decompressFingerprintBytes(bytes)).toThrow(/sets bit/);
  });

  it('tolerates trailing padding, as other base64 encoders write it', () => {
    expect(
      decompressFingerprint(`${good}==`.slice(0, good.length + ((4 - (good.length % 4)) % 4))).raw,
    ).toEqual(decompressFingerprint(good).raw);
  });
});
