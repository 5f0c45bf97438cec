/**
 * A file's Chromaprint fingerprint through ffmpeg and the TypeScript core, as `fpcalc` computes it:
 * the first `length` seconds (default 120, 0 = whole file) of the first audio stream.
 */
import { MIN_SAMPLES, SAMPLE_RATE } from './core/config.js';
import { Fingerprinter } from './core/fingerprinter.js';
import { decodePcm } from './decode/ffmpeg-pcm.js';
import { probeDurationMs } from './decode/probe.js';
import { FingerprintError } from './errors.js';

export interface FingerprintFileOptions {
  /** Seconds to fingerprint, as `fpcalc -length`: default 120 (AcoustID's), 0 = the whole file. */
  length?: number;
  /**
   * Ask ffprobe for the stream duration so `duration` is fpcalc's to the millisecond (one more process).
   * Without it the duration is the container's as ffmpeg logs it, to the centisecond.
   */
  exactDuration?: boolean;
  signal?: AbortSignal;
  ffmpeg?: string;
  ffprobe?: string;
}

export interface FileFingerprintResult {
  /** Seconds, from the container or stream header (not the decoded length), as fpcalc reports it. */
  duration: number;
  raw: Uint32Array;
  /** Samples at 11025 Hz that went into the fingerprint. */
  samples: number;
}

/**
 * @example
 * const { duration, raw } = await fingerprintFile('song.mp3');           // like `fpcalc song.mp3`
 * const whole = await fingerprintFile('master.flac', { length: 0 });      // like `fpcalc -length 0`
 */
export async function fingerprintFile(
  path: string,
  options: FingerprintFileOptions = {},
): Promise<FileFingerprintResult> {
  const length = options.length ?? 120;
  if (!Number.isFinite(length) || length < 0)
    throw new FingerprintError(
      'FINGERPRINT_INVALID_OPTION',
      `length must be a number of seconds >= 0, got ${length}`,
      {
        details: { field: 'length' },
      },
    );
  const fp = new Fingerprinter();
  const probing = options.exactDuration
    ? probeDurationMs(path, {
        ...(options.ffprobe ? { command: options.ffprobe } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })
    : Promise.resolve(null);
  const decoded = await decodePcm(path, {
    maxSeconds: length,
    onPcm: (pcm) => fp.feed(pcm),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.ffmpeg ? { command: options.ffmpeg } : {}),
  });
  const ms = await probing;
  if (fp.length === 0)
    throw new FingerprintError(
      'FINGERPRINT_BAD_AUDIO',
      `cannot fingerprint ${path}: ${decoded.samples === 0 ? 'no audio decoded' : `too short (${(decoded.samples / SAMPLE_RATE).toFixed(2)} s; a fingerprint needs about 2.7 s)`}`,
      { details: { file: path, samples: decoded.samples, minimumSamples: MIN_SAMPLES } },
    );
  const duration = ms !== null ? ms / 1000 : (decoded.loggedDuration ?? 0);
  return { duration, raw: fp.items(), samples: decoded.samples };
}
