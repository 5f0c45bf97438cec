/**
 * Streams a file through an ffmpeg child process as 11025 Hz mono s16 PCM, chunk by chunk: the file is
 * never held in memory. Every failure is a FingerprintError naming the file: FINGERPRINT_TOOL_FAILED
 * when ffmpeg cannot be started, FINGERPRINT_BAD_AUDIO when it cannot read the file (missing, not
 * audio, no audio stream, corrupt before any sound).
 */
import { spawn } from 'node:child_process';
import { SAMPLE_RATE } from '../core/config.js';
import { FingerprintError } from '../errors.js';
import { ffmpegArgs, ffmpegReason, parseLoggedDuration } from './ffmpeg-args.js';
import { S16Chunks } from './s16-chunks.js';

export interface DecodeOptions {
  /** Seconds of audio to deliver; 0 = all of it. */
  maxSeconds: number;
  /** Called with each run of samples, in order. The array is only valid during the call. */
  onPcm: (pcm: Int16Array) => void;
  signal?: AbortSignal;
  /** The ffmpeg executable (default `ffmpeg` on PATH). */
  command?: string;
}

export interface DecodeResult {
  samples: number;
  /** The container duration ffmpeg logged, to the centisecond; null when it did not say. */
  loggedDuration: number | null;
}

/** Enough of ffmpeg's log to find the duration and the reason for a failure. */
const MAX_LOG = 64 * 1024;

export function decodePcm(path: string, options: DecodeOptions): Promise<DecodeResult> {
  // As fpcalc: size_t(length * rate), rounded down (-length may have a fraction).
  const limit = options.maxSeconds > 0 ? Math.floor(options.maxSeconds * SAMPLE_RATE) : Infinity;
  const command = options.command ?? 'ffmpeg';
  return new Promise((resolve, reject) => {
    const child = spawn(command, ffmpegArgs(path, options.maxSeconds), {
      stdio: ['ignore', 'pipe', 'pipe'],
      // SIGKILL: ffmpeg blocked opening a FIFO or a stalled mount ignores SIGTERM until it has input.
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
    });
    let log = '';
    let samples = 0;
    const chunks = new S16Chunks();
    let full = false;
    let failed: Error | null = null;

    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      if (log.length < MAX_LOG) log += s;
    });
    child.stdout.on('data', (buf: Buffer) => {
      if (full || failed !== null) return;
      let pcm = chunks.push(buf);
      if (samples + pcm.length >= limit) {
        pcm = pcm.subarray(0, limit - samples);
        full = true;
      }
      samples += pcm.length;
      try {
        if (pcm.length > 0) options.onPcm(pcm);
      } catch (e) {
        failed = e as Error;
      }
      if (full || failed !== null) {
        child.stdout.destroy();
        child.kill('SIGTERM');
        setTimeout(
          () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'),
          2000,
        ).unref();
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') failed = e;
      else
        failed = new FingerprintError(
          'FINGERPRINT_TOOL_FAILED',
          `cannot run ${command} for ${path}: ${e.message}`,
          {
            cause: e,
            details: { file: path },
          },
        );
    });
    child.on('close', (code) => {
      if (failed !== null) return reject(failed);
      if (full || code === 0) return resolve({ samples, loggedDuration: parseLoggedDuration(log) });
      reject(
        new FingerprintError('FINGERPRINT_BAD_AUDIO', `cannot decode ${path}: ${ffmpegReason(log)}`, {
          details: { file: path },
        }),
      );
    });
  });
}
