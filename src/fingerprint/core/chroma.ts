/**
 * Which of the 12 chroma bands each FFT bin feeds (`chroma.cpp`, no interpolation): bins from
 * round(4096·28/11025) = 10 up to, not including, round(4096·3520/11025) = 1308, each to the
 * semitone whose interval starts at or below it, A0 = 27.5 Hz being band 0. The note is truncated,
 * not rounded, as Chromaprint's `(char)note` does.
 */
import { BANDS, FRAME_SIZE, MAX_FREQ, MIN_FREQ, SAMPLE_RATE } from './config.js';

const freqToIndex = (f: number): number => Math.round((FRAME_SIZE * f) / SAMPLE_RATE);

export interface ChromaMap {
  /** First bin used. */
  first: number;
  /** One past the last bin used. */
  end: number;
  /** Band of bin `first + i`. */
  band: Uint8Array;
  /**
   * The same as runs of neighbouring bins in one band: run r covers bins [runStart[r], runStart[r + 1])
   * and feeds band runBand[r]. Bins stay in ascending order, so sums round as Chromaprint's do.
   */
  runStart: Int32Array;
  runBand: Uint8Array;
}

export function chromaMap(): ChromaMap {
  const first = Math.max(1, freqToIndex(MIN_FREQ));
  const end = Math.min(FRAME_SIZE / 2, freqToIndex(MAX_FREQ));
  const band = new Uint8Array(end - first);
  for (let i = first; i < end; i++) {
    const freq = (i * SAMPLE_RATE) / FRAME_SIZE;
    const octave = Math.log(freq / (440 / 16)) / Math.log(2);
    band[i - first] = Math.trunc(BANDS * (octave - Math.floor(octave)));
  }
  const starts: number[] = [];
  const bands: number[] = [];
  for (let i = first; i < end; i++) {
    const b = band[i - first] as number;
    if (i === first || b !== bands[bands.length - 1]) {
      starts.push(i);
      bands.push(b);
    }
  }
  starts.push(end);
  return { first, end, band, runStart: Int32Array.from(starts), runBand: Uint8Array.from(bands) };
}
