/**
 * The set of table rows an import has already written, by SQLite rowid: a bitmap (one bit per row, so a
 * million rows take 125 kB), falling back to a Set for the rare sparse, huge rowids. Lets a second row with
 * the same key in one run be rejected instead of silently overwriting the first.
 */
const BITMAP_LIMIT = 1 << 27; // rowids below this (134M rows, a 16 MB bitmap at most) use the bitmap

export class RowidSet {
  private bits = new Uint8Array(1 << 12);
  private readonly sparse = new Set<number>();

  has(rowid: number): boolean {
    if (rowid >= BITMAP_LIMIT || rowid < 0) return this.sparse.has(rowid);
    const byte = rowid >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (rowid & 7))) !== 0;
  }

  add(rowid: number): void {
    if (rowid >= BITMAP_LIMIT || rowid < 0) {
      this.sparse.add(rowid);
      return;
    }
    const byte = rowid >>> 3;
    if (byte >= this.bits.length) {
      let size = this.bits.length;
      while (size <= byte) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[byte] = (this.bits[byte] ?? 0) | (1 << (rowid & 7));
  }
}
