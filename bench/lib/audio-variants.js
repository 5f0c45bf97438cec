// Excerpts and degraded copies of audio for the fingerprint robustness bench and tests: 30 s cuts at an
// offset, re-encoded (MP3 128k, AAC 96k, Opus 64k), gain changed (±3 dB), or with white noise added at a
// given SNR. ffmpeg and sox do the work (Debian packages ffmpeg and sox).
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0)
    throw new Error(
      `${cmd} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-2).join(' ')}`,
    );
  return r;
}

export const VARIANTS = ['mp3-128k', 'aac-96k', 'opus-64k', 'gain+3dB', 'gain-3dB', 'noise-30dB'];

/** The RMS amplitude (0..1) of a file, as sox measures it. */
export function rms(file) {
  const r = run('sox', [file, '-n', 'stat']);
  const m = /RMS\s+amplitude:\s+([0-9.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no RMS from sox for ${file}`);
  return Number(m[1]);
}

/** Writes a WAV excerpt of `seconds` from `offset` of `src`. */
export function excerpt(src, offset, seconds, out) {
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    offset.toFixed(3),
    '-t',
    String(seconds),
    '-i',
    src,
    '-ac',
    '2',
    '-ar',
    '44100',
    out,
  ]);
  return out;
}

/** Writes `variant` of the WAV `src` to `outBase` + extension; returns the file. */
export function variant(src, name, outBase) {
  switch (name) {
    case 'mp3-128k':
      run('ffmpeg', ['-v', 'error', '-y', '-i', src, '-c:a', 'libmp3lame', '-b:a', '128k', `${outBase}.mp3`]);
      return `${outBase}.mp3`;
    case 'aac-96k':
      run('ffmpeg', ['-v', 'error', '-y', '-i', src, '-c:a', 'aac', '-b:a', '96k', `${outBase}.m4a`]);
      return `${outBase}.m4a`;
    case 'opus-64k':
      run('ffmpeg', ['-v', 'error', '-y', '-i', src, '-c:a', 'libopus', '-b:a', '64k', `${outBase}.opus`]);
      return `${outBase}.opus`;
    case 'gain+3dB':
    case 'gain-3dB':
      run('sox', ['-G', src, `${outBase}.wav`, 'gain', name === 'gain+3dB' ? '3' : '-3']);
      return `${outBase}.wav`;
    case 'noise-30dB': {
      // Uniform white noise of peak a has RMS a/sqrt(3): scale it to the signal's RMS minus 30 dB.
      const a = Math.min(1, rms(src) * 10 ** (-30 / 20) * Math.sqrt(3));
      run('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-i',
        src,
        '-f',
        'lavfi',
        '-i',
        `anoisesrc=a=${a.toFixed(6)}:c=white:r=44100:seed=7`,
        '-filter_complex',
        '[1:a]aformat=channel_layouts=stereo[n];[0:a][n]amix=inputs=2:duration=first:normalize=0',
        `${outBase}.wav`,
      ]);
      return `${outBase}.wav`;
    }
    default:
      throw new Error(`unknown variant ${name}`);
  }
}

/** Seconds of audio in a file (ffprobe). */
export function duration(file) {
  return Number(
    run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).stdout.trim(),
  );
}

/** White or pink noise, or silence, of `seconds`, as a WAV. */
export function noise(kind, seconds, out) {
  if (kind === 'silence') run('sox', ['-n', '-r', '44100', '-c', '2', out, 'trim', '0', String(seconds)]);
  else
    run('sox', [
      '-n',
      '-r',
      '44100',
      '-c',
      '2',
      out,
      'synth',
      String(seconds),
      kind === 'pink' ? 'pinknoise' : 'whitenoise',
      'vol',
      '0.3',
    ]);
  return out;
}
