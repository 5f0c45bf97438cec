/**
 * Little-endian bit streams of fixed-width values, the layout of Chromaprint's `PackInt3Array` and
 * `PackInt5Array`: value k occupies bits k·w … k·w + w − 1, least significant bit first.
 */

/** Bytes that `count` values of `width` bits take. */
export function packedSize(count: number, width: number): number {
  return Math.ceil((count * width) / 8);
}

export function pack(values: Uint8Array, width: number, out: Uint8Array, at: number): void {
  let acc = 0;
  let bits = 0;
  let o = at;
  for (let i = 0; i < values.length; i++) {
    acc |= (values[i] as number) << bits;
    bits += width;
    while (bits >= 8) {
      out[o++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out[o] = acc & 0xff;
}

/** Every whole `width`-bit value in `bytes` (trailing bits that do not make a value are ignored). */
export function unpack(bytes: Uint8Array, width: number): Uint8Array {
  const n = Math.floor((bytes.length * 8) / width);
  const out = new Uint8Array(n);
  const mask = (1 << width) - 1;
  let acc = 0;
  let bits = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    while (bits < width) {
      acc |= (bytes[b++] as number) << bits;
      bits += 8;
    }
    out[i] = acc & mask;
    acc >>>= width;
    bits -= width;
  }
  return out;
}
