/**
 * Chromaprint's default algorithm (TEST2, `fpcalc -algorithm 2`) as constants. The values come from
 * Chromaprint 1.5.1 (`fingerprinter_configuration.cpp`, `fingerprinter.cpp`, `chroma.cpp`); changing
 * any of them breaks bit-identity with `fpcalc`.
 */

/** The core's input: mono signed 16-bit PCM at this rate. */
export const SAMPLE_RATE = 11025;
export const FRAME_SIZE = 4096;
/** FRAME_SIZE - (FRAME_SIZE - FRAME_SIZE / 3): Chromaprint's overlap is 2731, so frames start 1365 apart. */
export const HOP = 1365;
export const MIN_FREQ = 28;
export const MAX_FREQ = 3520;
export const BANDS = 12;
/** Temporal FIR over the chroma vectors, oldest frame first (sum 3, deliberately not normalised). */
export const CHROMA_FILTER = [0.25, 0.75, 1.0, 0.75, 0.25] as const;
/** Below this L2 norm a chroma vector becomes all zeros (what makes silence hash to a constant). */
export const NORM_FLOOR = 0.01;
/** Widest classifier, in filtered-chroma rows: an item needs this many rows. */
export const MAX_FILTER_WIDTH = 16;
/** The algorithm id written as the first byte of a compressed fingerprint (TEST2). */
export const ALGORITHM_ID = 1;
/** The item every silent stretch produces (AcoustID's SILENCE_HASH). */
export const SILENCE_ITEM = 627964279;

/** The shortest PCM that gives one item: 20 frames (the FIR's 5, then 16 rows for the widest filter). */
export const MIN_SAMPLES = FRAME_SIZE + (CHROMA_FILTER.length - 1 + MAX_FILTER_WIDTH - 1) * HOP;

/** Items for `samples` samples at 11025 Hz: frames - 4 (FIR) - 15 (widest filter), never negative. */
export function itemCount(samples: number): number {
  if (samples < FRAME_SIZE) return 0;
  const frames = Math.floor((samples - FRAME_SIZE) / HOP) + 1;
  return Math.max(0, frames - (CHROMA_FILTER.length - 1) - (MAX_FILTER_WIDTH - 1));
}
