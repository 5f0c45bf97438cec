/**
 * A float64 real FFT on fft.js, kept as a slower, independent reference: tests fingerprint the same
 * PCM with both kernels and with fpcalc. Its output is rearranged into PFFFT's ordered layout.
 */
import FFT from 'fft.js';
import { FRAME_SIZE } from './config.js';
import type { RealFft } from './spectrum.js';

export function fftjsReal(): RealFft {
  const fft = new FFT(FRAME_SIZE);
  const input = new Float32Array(FRAME_SIZE);
  const complex = fft.createComplexArray() as number[];
  const output = new Float64Array(FRAME_SIZE);
  return {
    input,
    output,
    run() {
      fft.realTransform(complex, input);
      output[0] = complex[0] as number;
      output[1] = complex[FRAME_SIZE] as number;
      for (let i = 2; i < FRAME_SIZE; i++) output[i] = complex[i] as number;
    },
  };
}
