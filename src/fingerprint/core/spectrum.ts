/**
 * The real FFT of one windowed frame, behind a small interface so the fast WebAssembly kernel and a
 * plain-JS float64 reference can be swapped (tests run both against fpcalc).
 *
 * Layout of `output`, as PFFFT's ordered real transform gives it: [DC, Nyquist, re1, im1, re2, im2, ...],
 * unnormalised (no 1/N), which is the scale Chromaprint's silence floor assumes.
 */
export interface RealFft {
  /** Write the windowed frame here (FRAME_SIZE samples), then call `run`. */
  readonly input: Float32Array;
  readonly output: Float32Array | Float64Array;
  run(): void;
}
