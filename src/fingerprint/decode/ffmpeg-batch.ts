/**
 * Decodes several files in one ffmpeg process (`ffmpegBatchArgs`), each to its own pipe, all read at
 * once so none stalls the others. Each output past its sample limit is drained and dropped rather than
 * closed: a closed pipe would end the whole ffmpeg. Any failure fails the batch (resolves null): ffmpeg
 * stops at the first input it cannot open, so the caller falls back to one process per file, which also
 * names the bad file.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { SAMPLE_RATE } from '../core/config.js';
import { ffmpegBatchArgs, parseLoggedDurations } from './ffmpeg-args.js';
import type { DecodeResult } from './ffmpeg-pcm.js';
import { S16Chunks } from './s16-chunks.js';

export interface BatchOptions {
  maxSeconds: number;
  signal?: AbortSignal;
  command?: string;
}

const MAX_LOG = 256 * 1024;

/**
 * Files one ffmpeg decodes at once, by default: eight share one start-up (about 6 ms a file instead of
 * 50) and keep eight decoders and pipes open, which any machine affords.
 */
export const DEFAULT_BATCH = 8;

export function decodeBatch(
  paths: readonly string[],
  onPcm: (index: number, pcm: Int16Array) => void,
  options: BatchOptions,
): Promise<DecodeResult[] | null> {
  // As fpcalc: size_t(length * rate), rounded down (-length may have a fraction).
  const limit = options.maxSeconds > 0 ? Math.floor(options.maxSeconds * SAMPLE_RATE) : Infinity;
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'ffmpeg', ffmpegBatchArgs(paths, options.maxSeconds), {
      stdio: ['ignore', 'ignore', 'pipe', ...paths.map(() => 'pipe' as const)],
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
    });
    let log = '';
    let failed: Error | null = null;
    const samples = paths.map(() => 0);
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      if (log.length < MAX_LOG) log += s;
    });
    paths.forEach((_, k) => {
      const chunks = new S16Chunks();
      (child.stdio[k + 3] as Readable).on('data', (buf: Buffer) => {
        const have = samples[k] as number;
        if (have >= limit || failed !== null) return;
        let pcm = chunks.push(buf);
        if (have + pcm.length > limit) pcm = pcm.subarray(0, limit - have);
        samples[k] = have + pcm.length;
        try {
          if (pcm.length > 0) onPcm(k, pcm);
        } catch (e) {
          failed = e as Error;
          child.kill('SIGKILL');
        }
      });
    });
    child.on('error', (e) => {
      failed = e;
    });
    child.on('close', (code) => {
      if (failed !== null && failed.name === 'AbortError') return reject(failed);
      if (failed !== null) return failed.message.includes('ENOENT') ? resolve(null) : reject(failed);
      if (code !== 0) return resolve(null);
      const durations = parseLoggedDurations(log, paths.length);
      resolve(paths.map((_, k) => ({ samples: samples[k] as number, loggedDuration: durations[k] ?? null })));
    });
  });
}
