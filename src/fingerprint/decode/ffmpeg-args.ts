/**
 * The ffmpeg command line that turns any file ffmpeg reads into the PCM fpcalc fingerprints: the first
 * audio stream, downmixed and resampled to 11025 Hz mono s16 by libswresample in the "compatible
 * mode" fpcalc sets (`ffmpeg_audio_processor_swresample.h`: filter_size 16, phase_shift 8,
 * linear_interp 1, cutoff 0.8). With these settings the samples are the ones fpcalc feeds its own
 * core, so the fingerprints are bit-identical; ffmpeg's default resampler is close but not exact.
 */
import { SAMPLE_RATE } from '../core/config.js';

export const COMPAT_RESAMPLER =
  'aresample=resampler=swr:filter_size=16:phase_shift=8:linear_interp=1:cutoff=0.8';

/**
 * `maxSeconds` 0 decodes everything. A positive limit is passed on with a second to spare: the
 * reader cuts at exactly maxSeconds·11025 samples, as fpcalc does, and ffmpeg stops soon after.
 */
export function ffmpegArgs(path: string, maxSeconds: number): string[] {
  return [...LOG_ARGS, '-i', path, ...outputArgs(0, maxSeconds, 'pipe:1')];
}

// info level: each input's "Duration:" line is read from stderr; errors come with it.
const LOG_ARGS = ['-nostdin', '-hide_banner', '-nostats', '-v', 'info'];

/** Input `input`'s first audio stream as fpcalc's PCM, written to `target`. */
function outputArgs(input: number, maxSeconds: number, target: string): string[] {
  return [
    '-map',
    `${input}:a:0`,
    '-af',
    COMPAT_RESAMPLER,
    '-ac',
    '1',
    '-ar',
    String(SAMPLE_RATE),
    ...(maxSeconds > 0 ? ['-t', String(maxSeconds + 1)] : []),
    // Fill ffmpeg's 32 KB I/O buffer before writing: on a pipe it otherwise flushes every packet
    // (576 bytes here), and reading thousands of tiny chunks cost more CPU than the fingerprint.
    '-flush_packets',
    '0',
    '-f',
    's16le',
    target,
  ];
}

/** The container duration ffmpeg logs for input 0 ("Duration: 00:03:00.04"), in seconds, or null. */
export function parseLoggedDuration(stderr: string): number | null {
  const m = /Duration: (\d+):(\d\d):(\d\d)\.(\d\d)/.exec(stderr);
  if (m === null) return null;
  const [, h, mi, s, cs] = m.map(Number) as [number, number, number, number, number];
  return h * 3600 + mi * 60 + s + cs / 100;
}

/** The first line of ffmpeg's log that says why it failed, without the file name it repeats. */
export function ffmpegReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const hit =
    lines.find((l) => /matches no streams/.test(l)) ??
    lines.find((l) => /Invalid data|No such file|Permission denied|could not find|Error|error/i.test(l)) ??
    lines.filter((l) => l !== '').pop();
  if (hit === undefined) return 'ffmpeg failed';
  if (/matches no streams/.test(hit)) return 'no audio stream';
  return hit.replace(/^.*?: (?=[A-Z])/, '');
}

/**
 * One ffmpeg for several files: input k goes to pipe k + 3 with the same settings as `ffmpegArgs`.
 * ffmpeg's start-up (about 50 ms of CPU, more than fpcalc's whole start) is then paid once per batch.
 */
export function ffmpegBatchArgs(paths: readonly string[], maxSeconds: number): string[] {
  return [
    ...LOG_ARGS,
    ...paths.flatMap((p) => ['-i', p]),
    ...paths.flatMap((_, k) => outputArgs(k, maxSeconds, `pipe:${k + 3}`)),
  ];
}

/** The "Duration:" ffmpeg logs for each input, by input index. */
export function parseLoggedDurations(stderr: string, inputs: number): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: inputs }, () => null);
  const parts = stderr.split(/^Input #(\d+),/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const k = Number(parts[i]);
    if (k < inputs) out[k] = parseLoggedDuration((parts[i + 1] as string).split(/^Output #/m)[0] as string);
  }
  return out;
}
