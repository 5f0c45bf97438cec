/**
 * Output in `fpcalc` 1.5.1's formats, so AcoustID tooling that parses fpcalc can read `tdmr fingerprint`:
 * text `DURATION=<whole seconds>` / `FINGERPRINT=<compressed or comma-separated raw>`, or one JSON
 * object per file, `{"duration": 180.03, "fingerprint": "AQAD…"}` with fpcalc's exact spacing and
 * `%.2f` duration (`-raw` gives an array of integers; `-signed` makes them int32).
 */
import { compressFingerprint } from './core/compress.js';

export interface FpcalcOutputOptions {
  raw?: boolean;
  signed?: boolean;
  json?: boolean;
  /** An extra field/line that fpcalc does not print (the ISCC Audio-Code), placed after the fingerprint. */
  iscc?: string;
}

/**
 * C's `%.2f`. toFixed(2) agrees except on exact binary ties (x.125, x.375, x.625, x.875, the only
 * two-decimal ties a double can hold), which glibc rounds to even and toFixed rounds up.
 */
export function printf2(x: number): string {
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 4) && Math.abs(x) < 2 ** 40) {
    const down = Math.floor(x * 100);
    return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

export function fpcalcOutput(duration: number, raw: Uint32Array, o: FpcalcOutputOptions = {}): string {
  const items = o.signed
    ? Array.from(new Int32Array(raw.buffer, raw.byteOffset, raw.length))
    : Array.from(raw);
  const fp = o.raw ? items.join(',') : compressFingerprint(raw);
  if (o.json) {
    const value = o.raw ? `[${fp}]` : `"${fp}"`;
    const iscc = o.iscc !== undefined ? `, "iscc": "${o.iscc}"` : '';
    return `{"duration": ${printf2(duration)}, "fingerprint": ${value}${iscc}}`;
  }
  return [
    `DURATION=${Math.trunc(duration)}`,
    `FINGERPRINT=${fp}`,
    ...(o.iscc !== undefined ? [`ISCC=${o.iscc}`] : []),
  ].join('\n');
}
