/**
 * Chromaprint's compressed fingerprint (`fingerprint_compressor.cpp`), the string `fpcalc` prints by
 * default and AcoustID accepts: each item XOR the previous one, written as the gaps between its set
 * bits (3-bit values, 7 escaping to a 5-bit side stream, 0 ending an item), behind a 4-byte header
 * (algorithm, 24-bit big-endian item count), in URL-safe base64 without padding.
 *
 * @example
 * compressFingerprint(raw) // 'AQADtEs…'
 */
import { ALGORITHM_ID } from './config.js';
import { pack, packedSize } from './bit-pack.js';
import { FingerprintError } from '../errors.js';

const MAX_NORMAL = 7;
const MAX_ITEMS = 0xffffff;

export function compressFingerprintBytes(raw: Uint32Array, algorithm = ALGORITHM_ID): Uint8Array {
  if (raw.length > MAX_ITEMS)
    throw new FingerprintError(
      'FINGERPRINT_BAD_INPUT',
      `a compressed fingerprint holds at most ${MAX_ITEMS} items`,
    );
  // At most 33 normal values per item (32 bits + terminator); exceptional ones are rarer.
  const normal = new Uint8Array(raw.length * 33);
  const exceptional = new Uint8Array(raw.length * 32);
  let n = 0;
  let e = 0;
  let prev = 0;
  for (let i = 0; i < raw.length; i++) {
    const item = raw[i] as number;
    let x = (item ^ prev) >>> 0;
    prev = item;
    let bit = 1;
    let last = 0;
    while (x !== 0) {
      if ((x & 1) !== 0) {
        const gap = bit - last;
        if (gap >= MAX_NORMAL) {
          normal[n++] = MAX_NORMAL;
          exceptional[e++] = gap - MAX_NORMAL;
        } else normal[n++] = gap;
        last = bit;
      }
      x >>>= 1;
      bit++;
    }
    normal[n++] = 0;
  }
  const normalBytes = packedSize(n, 3);
  const out = new Uint8Array(4 + normalBytes + packedSize(e, 5));
  out[0] = algorithm & 0xff;
  out[1] = (raw.length >>> 16) & 0xff;
  out[2] = (raw.length >>> 8) & 0xff;
  out[3] = raw.length & 0xff;
  pack(normal.subarray(0, n), 3, out, 4);
  pack(exceptional.subarray(0, e), 5, out, 4 + normalBytes);
  return out;
}

/** The compressed fingerprint as fpcalc prints it (base64url, no padding). */
export function compressFingerprint(raw: Uint32Array, algorithm = ALGORITHM_ID): string {
  return Buffer.from(compressFingerprintBytes(raw, algorithm)).toString('base64url');
}
