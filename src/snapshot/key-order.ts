/** The order of the snapshot's metadata keys (pure): by their UTF-8 bytes, then by recording index. */

/** Byte order of blob[a0, a1) against blob[b0, b1). */
export function compareBytes(blob: Uint8Array, a0: number, a1: number, b0: number, b1: number): number {
  const l = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < l; i++) {
    const d = (blob[a0 + i] as number) - (blob[b0 + i] as number);
    if (d !== 0) return d;
  }
  return a1 - a0 - (b1 - b0);
}

/** Sorts keys as the format requires: by UTF-8 bytes, then by index. */
export function sortKeys(keys: { key: string; index: number }[]): { key: string; index: number }[] {
  const enc = keys.map((k) => ({ ...k, b: Buffer.from(k.key, 'utf8') }));
  enc.sort((x, y) => Buffer.compare(x.b, y.b) || x.index - y.index);
  return enc.map(({ key, index }) => ({ key, index }));
}
