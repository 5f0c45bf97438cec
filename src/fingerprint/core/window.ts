/**
 * Chromaprint's analysis window: the symmetric Hamming window scaled by 1/32767 so int16 samples come
 * out near ±1 (`PrepareHammingWindow(..., 1.0 / INT16_MAX)`). It is rounded to float32 because
 * Chromaprint stores it, and the windowed samples, as float: keeping that rounding keeps the FFT's
 * input identical to fpcalc's.
 */
import { FRAME_SIZE } from './config.js';

export function hammingWindow(size = FRAME_SIZE): Float32Array {
  const w = new Float32Array(size);
  const scale = 1 / 32767;
  for (let i = 0; i < size; i++) w[i] = scale * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (size - 1)));
  return w;
}
