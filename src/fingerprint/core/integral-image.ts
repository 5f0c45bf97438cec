/**
 * Chromaprint's rolling integral image (`utils/rolling_integral_image.h`) of the normalised chroma
 * rows: each stored row is the running column sum of its row plus the stored row above it, summed
 * in double from the first row of the stream. The arithmetic order is Chromaprint's, because the
 * filters' rectangle sums must round exactly as they do there.
 */
import { BANDS } from './config.js';

/** Rows kept: the filters look back at most 17 rows; a power of two makes the ring index a mask. */
const RING = 32;

export class RollingIntegralImage {
  private readonly data = new Float64Array(RING * BANDS);
  /** Rows added since the start of the stream. */
  rows = 0;

  addRow(row: Float64Array): void {
    const d = this.data;
    const cur = (this.rows & (RING - 1)) * BANDS;
    let sum = 0;
    for (let i = 0; i < BANDS; i++) {
      sum += row[i] as number;
      d[cur + i] = sum;
    }
    if (this.rows > 0) {
      const last = ((this.rows - 1) & (RING - 1)) * BANDS;
      for (let i = 0; i < BANDS; i++) d[cur + i] = (d[cur + i] as number) + (d[last + i] as number);
    }
    this.rows++;
  }

  /** Sum over rows [r1, r2) and bands [c1, c2); rows are absolute stream positions. */
  area(r1: number, c1: number, r2: number, c2: number): number {
    if (r1 === r2 || c1 === c2) return 0;
    const d = this.data;
    const row2 = ((r2 - 1) & (RING - 1)) * BANDS;
    if (r1 === 0) {
      return c1 === 0
        ? (d[row2 + c2 - 1] as number)
        : (d[row2 + c2 - 1] as number) - (d[row2 + c1 - 1] as number);
    }
    const row1 = ((r1 - 1) & (RING - 1)) * BANDS;
    if (c1 === 0) return (d[row2 + c2 - 1] as number) - (d[row1 + c2 - 1] as number);
    return (
      (d[row2 + c2 - 1] as number) -
      (d[row1 + c2 - 1] as number) -
      (d[row2 + c1 - 1] as number) +
      (d[row1 + c1 - 1] as number)
    );
  }
}
