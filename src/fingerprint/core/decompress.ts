/**
 * The inverse of `compressFingerprint` (`fingerprint_decompressor.cpp`), strict about its input:
 * anything that is not a well-formed compressed fingerprint is a FINGERPRINT_BAD_FINGERPRINT error,
 * never a partial result.
 *
 * @example
 * const { algorithm, raw } = decompressFingerprint('AQADtEs…');
 */
import { unpack, packedSize } from './bit-pack.js';
import { FingerprintError } from '../errors.js';

const MAX_NORMAL = 7;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

const bad = (why: string): FingerprintError =>
  new FingerprintError('FINGERPRINT_BAD_FINGERPRINT', `not a compressed fingerprint: ${why}`);

export function decompressFingerprintBytes(bytes: Uint8Array): { algorithm: number; raw: Uint32Array } {
  if (bytes.length < 4) throw bad('shorter than its 4-byte header');
  const algorithm = bytes[0] as number;
  const count = ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number);
  const normal = unpack(bytes.subarray(4), 3);
  let found = 0;
  let escapes = 0;
  let used = 0;
  for (; used < normal.length && found < count; used++) {
    if (normal[used] === 0) found++;
    else if (normal[used] === MAX_NORMAL) escapes++;
  }
  if (found !== count) throw bad(`the header says ${count} items but the data holds ${found}`);
  const excAt = 4 + packedSize(used, 3);
  if (bytes.length < excAt + packedSize(escapes, 5)) throw bad('the exceptional bits are missing');
  const exceptional = unpack(bytes.subarray(excAt), 5);
  const raw = new Uint32Array(count);
  let j = 0;
  let e = 0;
  let last = 0;
  let value = 0;
  for (let i = 0; i < used; i++) {
    let gap = normal[i] as number;
    if (gap === 0) {
      raw[j] = j > 0 ? (value ^ (raw[j - 1] as number)) >>> 0 : value >>> 0;
      j++;
      value = 0;
      last = 0;
      continue;
    }
    if (gap === MAX_NORMAL) gap += exceptional[e++] as number;
    const bit = last + gap;
    if (bit > 32) throw bad(`item ${j} sets bit ${bit} of a 32-bit item`);
    last = bit;
    value |= 1 << (bit - 1);
  }
  return { algorithm, raw };
}

/** Decodes fpcalc's base64url string (padding tolerated) into the algorithm id and raw items. */
export function decompressFingerprint(text: string): { algorithm: number; raw: Uint32Array } {
  const s = text.trim().replace(/=+$/, '');
  if (!BASE64URL.test(s)) throw bad('characters outside URL-safe base64');
  if (s.length % 4 === 1) throw bad('a base64 length no encoder produces');
  return decompressFingerprintBytes(new Uint8Array(Buffer.from(s, 'base64url')));
}
