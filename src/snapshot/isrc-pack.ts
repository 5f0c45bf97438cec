/**
 * An ISRC as one integer, so that a registry of millions is a sorted `Float64Array` searched without
 * building a string per row. 2 letters (26²) × 3 letters-or-digits (36³) × 7 digits (10⁷) is about
 * 3.15 × 10¹⁴ values, below 2⁵³: every packed ISRC is an exact double, and the packing keeps the
 * order of the ISRC strings (digits sort before letters in base 36 as in ASCII).
 *
 * @example
 * packIsrc('FRZ032500001'); // 189... (a number); unpackIsrc(packIsrc('FRZ032500001')) === 'FRZ032500001'
 */

const REGISTRANTS = 36 ** 3;
const DIGITS = 10_000_000;
/** One more than the largest packed ISRC. */
export const PACKED_ISRC_LIMIT = 26 * 26 * REGISTRANTS * DIGITS;

/** Value of a base-36 character code (0-9, A-Z, a-z), or -1. */
function b36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

function letter(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return -1;
}

/**
 * Packs 12 character codes read by `at(i)` (letters in either case); -1 when they are not an ISRC.
 * Shared by the string form and the byte scanner, which reads straight from a file's Buffer.
 */
export function packCodes(at: (i: number) => number): number {
  const c0 = letter(at(0));
  const c1 = letter(at(1));
  const r0 = b36(at(2));
  const r1 = b36(at(3));
  const r2 = b36(at(4));
  if ((c0 | c1 | r0 | r1 | r2) < 0) return -1;
  let digits = 0;
  for (let i = 5; i < 12; i++) {
    const d = at(i) - 48;
    if (d < 0 || d > 9) return -1;
    digits = digits * 10 + d;
  }
  return ((c0 * 26 + c1) * REGISTRANTS + (r0 * 1296 + r1 * 36 + r2)) * DIGITS + digits;
}

/** Packs 12 bytes of `buf` from `start` (ASCII, either case); -1 when they are not an ISRC. */
export function packIsrcBytes(buf: Uint8Array, start: number): number {
  // Written out rather than through packCodes: this runs once per manifest row on the fast path,
  // and a closure per row costs about a third of the scan.
  if (start + 12 > buf.length) return -1;
  const c0 = letter(buf[start] as number);
  const c1 = letter(buf[start + 1] as number);
  const r0 = b36(buf[start + 2] as number);
  const r1 = b36(buf[start + 3] as number);
  const r2 = b36(buf[start + 4] as number);
  if ((c0 | c1 | r0 | r1 | r2) < 0) return -1;
  let digits = 0;
  for (let i = start + 5; i < start + 12; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    digits = digits * 10 + d;
  }
  return ((c0 * 26 + c1) * REGISTRANTS + (r0 * 1296 + r1 * 36 + r2)) * DIGITS + digits;
}

/** Packs a canonical 12-character ISRC (case-insensitive); -1 when it is not one. */
export function packIsrc(isrc: string): number {
  if (isrc.length !== 12) return -1;
  return packCodes((i) => isrc.charCodeAt(i));
}

const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The canonical ISRC of a packed value (inverse of `packIsrc`). */
export function unpackIsrc(packed: number): string {
  if (!Number.isSafeInteger(packed) || packed < 0 || packed >= PACKED_ISRC_LIMIT) {
    throw new RangeError(`not a packed ISRC: ${packed}`);
  }
  const digits = packed % DIGITS;
  const head = Math.floor(packed / DIGITS);
  const reg = head % REGISTRANTS;
  const country = Math.floor(head / REGISTRANTS);
  return (
    String.fromCharCode(65 + Math.floor(country / 26), 65 + (country % 26)) +
    A36.charAt(Math.floor(reg / 1296)) +
    A36.charAt(Math.floor(reg / 36) % 36) +
    A36.charAt(reg % 36) +
    String(digits).padStart(7, '0')
  );
}
