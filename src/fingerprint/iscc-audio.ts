/**
 * The ISCC Audio-Code (ISO 24138, `gen_audio_code_v0` of the iscc-core reference), computed from the
 * same Chromaprint items: a 256-bit soft hash made of 32-bit per-bit majority votes (simhash) over all
 * items, over each quarter of them in time order, and over each third of them sorted by signed value;
 * the code keeps the first `bits` of it behind the ISCC header (Content / Audio / v0).
 *
 * It is a whole-file near-duplicate key: robust to transcoding and gain, blind to excerpts
 * (docs/fingerprint.md). iscc-core feeds it the whole file (`fpcalc -length 0`), so use `length: 0`.
 *
 * @example
 * isccAudioCode((await fingerprintFile('song.flac', { length: 0 })).raw) // 'ISCC:EIA…'
 */
import { FingerprintError } from './errors.js';

const MAIN_CONTENT = 2;
const SUB_AUDIO = 2;
const VERSION = 0;

/** Bit j set when at least half the items have it (ties give 1), as iscc-core's `alg_simhash`. */
function simhash(items: ArrayLike<number>, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  let out = 0;
  for (let bit = 0; bit < 32; bit++) {
    let count = 0;
    for (let i = from; i < to; i++) count += ((items[i] as number) >>> bit) & 1;
    if (count >= n / 2) out |= 1 << bit;
  }
  return out >>> 0;
}

/** `more_itertools.divide(parts, n)`: contiguous parts, the first n % parts one longer. */
function divide(n: number, parts: number): [number, number][] {
  const q = Math.floor(n / parts);
  const r = n % parts;
  const out: [number, number][] = [];
  let at = 0;
  for (let p = 0; p < parts; p++) {
    const len = q + (p < r ? 1 : 0);
    out.push([at, at + len]);
    at += len;
  }
  return out;
}

/** The 256-bit soft hash, as 8 big-endian 32-bit words. */
export function softHashAudio(raw: Uint32Array): Uint32Array {
  const signed = new Int32Array(raw.buffer, raw.byteOffset, raw.length);
  const words: number[] = [simhash(raw, 0, raw.length)];
  for (const [a, b] of divide(raw.length, 4)) words.push(simhash(raw, a, b));
  const sorted = Int32Array.from(signed).sort();
  const sortedU = new Uint32Array(sorted.buffer);
  for (const [a, b] of divide(sorted.length, 3)) words.push(simhash(sortedU, a, b));
  return Uint32Array.from(words);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

/** `ISCC:…` for the items (fpcalc's raw, unsigned or signed bits alike); bits 32..256 in steps of 32. */
export function isccAudioCode(raw: Uint32Array | Int32Array, options: { bits?: number } = {}): string {
  const bits = options.bits ?? 64;
  if (!Number.isInteger(bits) || bits < 32 || bits > 256 || bits % 32 !== 0)
    throw new FingerprintError('FINGERPRINT_INVALID_OPTION', `ISCC bits must be 32, 64, … 256, got ${bits}`, {
      details: { field: 'bits' },
    });
  const u = raw instanceof Uint32Array ? raw : new Uint32Array(raw.buffer, raw.byteOffset, raw.length);
  const words = softHashAudio(u);
  const bytes = new Uint8Array(2 + bits / 8);
  bytes[0] = (MAIN_CONTENT << 4) | SUB_AUDIO;
  bytes[1] = (VERSION << 4) | (bits / 32 - 1);
  const view = new DataView(bytes.buffer);
  for (let w = 0; w < bits / 32; w++) view.setUint32(2 + 4 * w, words[w] as number);
  return `ISCC:${base32(bytes)}`;
}
