/**
 * The 16 TEST2 classifiers (`kClassifiersTest2`): a Haar-like filter over the integral image of the
 * last 16 normalised chroma rows, and three thresholds that quantise its value to 2 Gray-coded bits.
 * Classifier 0 gives the two most significant bits of an item.
 */

export interface Classifier {
  /** 0 whole area, 1 band halves, 2 time halves, 3 checkerboard, 4 band thirds, 5 time thirds. */
  type: 0 | 1 | 2 | 3 | 4 | 5;
  /** First chroma band. */
  y: number;
  /** Bands covered. */
  height: number;
  /** Rows (frames) covered. */
  width: number;
  thresholds: readonly [number, number, number];
}

const c = (
  type: Classifier['type'],
  y: number,
  height: number,
  width: number,
  t0: number,
  t1: number,
  t2: number,
): Classifier => ({ type, y, height, width, thresholds: [t0, t1, t2] });

// Chromaprint writes Filter(type, y, height, width); the columns here keep that order.
export const TEST2: readonly Classifier[] = [
  c(0, 4, 3, 15, 1.98215, 2.35817, 2.63523),
  c(4, 4, 6, 15, -1.03809, -0.651211, -0.282167),
  c(1, 0, 4, 16, -0.298702, 0.119262, 0.558497),
  c(3, 8, 2, 12, -0.105439, 0.0153946, 0.135898),
  c(3, 4, 4, 8, -0.142891, 0.0258736, 0.200632),
  c(4, 0, 3, 5, -0.826319, -0.590612, -0.368214),
  c(1, 2, 2, 9, -0.557409, -0.233035, 0.0534525),
  c(2, 7, 3, 4, -0.0646826, 0.00620476, 0.0784847),
  c(2, 6, 2, 16, -0.192387, -0.029699, 0.215855),
  c(2, 1, 3, 2, -0.0397818, -0.00568076, 0.0292026),
  c(5, 10, 1, 15, -0.53823, -0.369934, -0.190235),
  c(3, 6, 2, 10, -0.124877, 0.0296483, 0.139239),
  c(2, 1, 1, 14, -0.101475, 0.0225617, 0.231971),
  c(3, 5, 6, 4, -0.0799915, -0.00729616, 0.063262),
  c(1, 9, 2, 12, -0.272556, 0.019424, 0.302559),
  c(3, 4, 2, 14, -0.164292, -0.0321188, 0.0846339),
];

/** Level 0..3 of `value` against ascending thresholds (`quantizer.h`: a threshold belongs to the level above). */
export function quantise(value: number, t: readonly [number, number, number]): number {
  if (value < t[1]) return value < t[0] ? 0 : 1;
  return value < t[2] ? 2 : 3;
}

const GRAY = [0, 1, 3, 2] as const;
/** Gray code of a level, so neighbouring levels differ by one bit. */
export function gray(level: number): number {
  return GRAY[level & 3] as number;
}
