// The package ships an Emscripten ES module without types; this is the part of it the core calls.
declare module '@echogarden/pffft-wasm/simd' {
  export interface PffftModule {
    HEAPF32: Float32Array;
    _pffft_new_setup(n: number, transform: number): number;
    _pffft_transform_ordered(
      setup: number,
      input: number,
      output: number,
      work: number,
      direction: number,
    ): void;
    _pffft_aligned_malloc(bytes: number): number;
    _pffft_simd_size(): number;
  }
  const PFFFT: () => Promise<PffftModule>;
  export default PFFFT;
}
