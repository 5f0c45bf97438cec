/**
 * fpcalc's duration, exactly: the audio stream's `duration` in its time base, else the container's, as
 * whole milliseconds rounded down (`FFmpegAudioReader::GetDuration`). ffmpeg's own log only gives
 * centiseconds, so this asks ffprobe for the integers, which costs a second process start.
 */
import { spawn } from 'node:child_process';

export interface ProbeOptions {
  command?: string;
  signal?: AbortSignal;
}

/** Milliseconds, or null when ffprobe cannot tell (or is not installed). */
export function probeDurationMs(path: string, options: ProbeOptions = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      options.command ?? 'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'a:0',
        '-show_entries',
        'stream=duration_ts,time_base:format=duration',
        '-of',
        'json',
        path,
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
        ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('error', () => resolve(null));
    child.on('close', () => resolve(durationMsFromProbe(out)));
  });
}

/** ffprobe's JSON -> milliseconds, with fpcalc's integer arithmetic. */
export function durationMsFromProbe(json: string): number | null {
  let j: { streams?: { duration_ts?: unknown; time_base?: unknown }[]; format?: { duration?: unknown } };
  try {
    j = JSON.parse(json) as typeof j;
  } catch {
    return null;
  }
  const s = j.streams?.[0];
  const tb = typeof s?.time_base === 'string' ? /^(\d+)\/(\d+)$/.exec(s.time_base) : null;
  if (tb !== null && typeof s?.duration_ts === 'number' && Number(tb[2]) > 0) {
    return Number((1000n * BigInt(tb[1] as string) * BigInt(s.duration_ts)) / BigInt(tb[2] as string));
  }
  const f = j.format?.duration;
  if (typeof f === 'string' && /^\d+(\.\d+)?$/.test(f)) {
    const [whole, frac = ''] = f.split('.') as [string, string?];
    const us = BigInt(whole) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
    return Number(us / 1000n);
  }
  return null;
}
