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
  return [...LOG_ARGS, '-i', path, ...outputArgs('0:a:0', true, maxSeconds, 'pipe:1')];
}

// info level: each input's "Duration:" line is read from stderr; errors come with it.
const LOG_ARGS = ['-nostdin', '-hide_banner', '-nostats', '-v', 'info'];

/** The stream `source` (an input's `k:a:0` or a graph's `[ak]`) as fpcalc's PCM, written to `target`. */
function outputArgs(source: string, resample: boolean, maxSeconds: number, target: string): string[] {
  return [
    '-map',
    source,
    ...(resample ? ['-af', COMPAT_RESAMPLER] : []),
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

// The resampler's frames (a few hundred samples) regrouped by 16,384 before they reach the encoder and
// muxer, which cost per frame: 4 % fewer instructions for the same bytes; the last frame is not padded.
const BIG_FRAMES = 'asetnsamples=n=16384:p=0';

/**
 * One ffmpeg for several files, file k to pipe k + 3, with the same PCM as `ffmpegArgs`: ffmpeg's start-up
 * (about 50 ms of CPU, half of fpcalc's whole cost a file) is paid once per batch. The files are decoded
 * by `amovie` sources inside one filter graph, not as ffmpeg inputs: FFmpeg 5.1 gives each of several
 * inputs a demuxer thread and hands every packet across (some 20,000 futex calls a three-minute MP3),
 * which cost more than the shared start-up saved. Each file is also named once with `-i`, never mapped,
 * only so that ffmpeg logs its container duration ("Input #k ... Duration:"); such an input reads a few
 * packets and waits. `amovie` decodes the same first audio stream (`a:0`) with the same decoder, and the
 * graph's resampler has the settings of the single-file command, so the samples are the same.
 */
export function ffmpegBatchArgs(paths: readonly string[], maxSeconds: number): string[] {
  const graph = paths
    .map(
      (p, k) =>
        `amovie=filename=${graphValue(`file:${p}`)}:streams=${graphValue('a:0')},${COMPAT_RESAMPLER},${BIG_FRAMES}[a${k}]`,
    )
    .join(';');
  return [
    ...LOG_ARGS,
    ...paths.flatMap((p) => ['-i', p]),
    '-filter_complex',
    graph,
    ...paths.flatMap((_, k) => outputArgs(`[a${k}]`, false, maxSeconds, `pipe:${k + 3}`)),
  ];
}

/**
 * A filter option's value as libavfilter reads it back through its two parsers ("Notes on filtergraph
 * escaping" in ffmpeg-filters(1)): quoted for the option parser (a quote in it closes, is escaped and
 * reopens), then every quote, backslash and graph delimiter escaped for the graph parser.
 */
export function graphValue(value: string): string {
  const quoted = `'${value.replace(/'/g, "'\\''")}'`;
  return quoted.replace(/[\\'[\],;]/g, '\\$&');
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
