/**
 * Chromaprint fingerprints in TypeScript, bit-identical to `fpcalc` 1.5.1 (docs/fingerprint.md):
 * the core on 11025 Hz mono PCM, files through ffmpeg, the compressed form AcoustID uses, the ISCC
 * Audio-Code, and identification against enrolled recordings (`identify`, and `identification` for
 * enrolment, stores and scans).
 *
 * @example
 * import { fingerprintFile, compressFingerprint, compare } from 'tdm-reserve/fingerprint';
 * const a = await fingerprintFile('song.mp3');             // { duration, raw }, like `fpcalc -raw`
 * compressFingerprint(a.raw);                               // 'AQAD…', like `fpcalc`
 * const b = await fingerprintFile('clip.m4a', { length: 0 });
 * compare(a.raw, b.raw);                                    // aligned bit-error rate and score
 */
export { fingerprint, Fingerprinter } from './core/fingerprinter.js';
export { compressFingerprint, compressFingerprintBytes } from './core/compress.js';
export { decompressFingerprint, decompressFingerprintBytes } from './core/decompress.js';
export {
  SAMPLE_RATE,
  HOP,
  FRAME_SIZE,
  SILENCE_ITEM,
  ALGORITHM_ID,
  MIN_SAMPLES,
  itemCount,
} from './core/config.js';
export type { RealFft } from './core/spectrum.js';
export { fftjsReal } from './core/spectrum-fftjs.js';
export {
  fingerprintFile,
  type FingerprintFileOptions,
  type FileFingerprintResult,
} from './fingerprint-file.js';
export { fingerprintFiles, type FingerprintFilesOptions } from './fingerprint-files.js';
export { decodePcm, type DecodeOptions, type DecodeResult } from './decode/ffmpeg-pcm.js';
export { COMPAT_RESAMPLER, ffmpegArgs } from './decode/ffmpeg-args.js';
export { fpcalcOutput, type FpcalcOutputOptions } from './fpcalc-format.js';
export { isccAudioCode, softHashAudio } from './iscc-audio.js';
export { ChromaprintSource } from './chromaprint-source.js';
export { fingerprintSource, type FingerprinterKind } from './sources.js';
export { FingerprintError, type FingerprintErrorCode } from './errors.js';
export { compare, type CompareOptions } from './identify/compare.js';
export { identify } from './identify-fn.js';
/** Enrolment, the index and its stores, scans: the identification capability in full. */
export * as identification from './identify/index.js';
