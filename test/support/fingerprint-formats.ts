/**
 * Test audio in every format the fingerprint core must read, made with sox and ffmpeg (tones, a
 * chord, pink noise, digital silence, synthetic music in WAV/MP3/FLAC/OGG/M4A/Opus, a video with a
 * sound track, other rates and channel counts, a truncated MP3), plus real music when Debian's
 * planetblupi-music-ogg is installed.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthTrack } from '../../bench/lib/synth-music.js';
import { lavfi, make, realMusic } from './fpcalc.js';

export interface FormatCase {
  name: string;
  file: string;
  /** fpcalc -length values to compare at. */
  lengths: number[];
}

const encode = (src: string, out: string, extra: string[]): void =>
  make('ffmpeg', ['-v', 'error', '-y', '-i', src, ...extra, out]);

/** Writes every file `formatCases(dir)` names (real music is copied). */
export function renderFormats(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const f = (n: string): string => join(dir, n);
  make('sox', [
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    '-b',
    '16',
    f('tone.wav'),
    'synth',
    '20',
    'sine',
    '440',
    'vol',
    '0.5',
  ]);
  lavfi(
    'aevalsrc=0.3*sin(2*PI*261.63*t)+0.3*sin(2*PI*329.63*t)+0.3*sin(2*PI*392*t):s=48000:d=25',
    f('chord.flac'),
    ['-ac', '2'],
  );
  lavfi('anoisesrc=d=20:c=pink:r=44100:a=0.3', f('noise.ogg'), ['-c:a', 'libvorbis']);
  lavfi('anullsrc=r=44100:cl=stereo', f('silence.wav'), ['-t', '15']);
  synthTrack(f('music.wav'), 901, 40);
  encode(f('music.wav'), f('music.mp3'), ['-c:a', 'libmp3lame', '-b:a', '128k']);
  encode(f('music.wav'), f('music.flac'), []);
  encode(f('music.wav'), f('music.ogg'), ['-c:a', 'libvorbis']);
  encode(f('music.wav'), f('music.m4a'), ['-c:a', 'aac', '-b:a', '96k']);
  encode(f('music.wav'), f('music.opus'), ['-c:a', 'libopus', '-b:a', '64k']);
  encode(f('music.wav'), f('music-8k-mono.wav'), ['-ac', '1', '-ar', '8000']);
  encode(f('music.wav'), f('music-24bit-96k.wav'), ['-c:a', 'pcm_s24le', '-ar', '96000']);
  encode(f('music.wav'), f('music-float.wav'), ['-c:a', 'pcm_f32le']);
  encode(f('music.wav'), f('music-alac.m4a'), ['-c:a', 'alac']);
  encode(f('music.wav'), f('music-5.1.wav'), [
    '-af',
    'pan=5.1|FL=c0|FR=c1|FC=0.5*c0+0.5*c1|LFE=0*c0|BL=c0|BR=c1',
  ]);
  lavfi('testsrc=size=160x120:rate=10:d=30', f('video.mp4'), ['-i', f('music.wav'), '-c:v', 'mpeg4', '-c:a', 'aac', '-shortest']);
  make('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    '3',
    '-i',
    f('music.wav'),
    '-t',
    '130',
    '-c:a',
    'libmp3lame',
    f('long.mp3'),
  ]);
  // The first 60 % of an MP3: the stream stops mid-frame, as a broken download would.
  const mp3 = readFileSync(f('music.mp3'));
  writeFileSync(f('truncated.mp3'), mp3.subarray(0, Math.floor(mp3.length * 0.6)));
  for (const [i, real] of realMusic(2).entries()) copyFileSync(real, f(`real-${i}.ogg`));
}

/** The cases, in files under `dir` that `renderFormats(dir)` writes. */
export function formatCases(dir: string): FormatCase[] {
  const f = (n: string): string => join(dir, n);
  const cases: FormatCase[] = [
    { name: 'tone, WAV 44.1 kHz stereo', file: f('tone.wav'), lengths: [120] },
    { name: 'chord, FLAC 48 kHz', file: f('chord.flac'), lengths: [120] },
    { name: 'pink noise, Ogg Vorbis', file: f('noise.ogg'), lengths: [120] },
    { name: 'digital silence, WAV', file: f('silence.wav'), lengths: [120] },
    { name: 'music, WAV', file: f('music.wav'), lengths: [120, 10] },
    { name: 'music, MP3 128k', file: f('music.mp3'), lengths: [120] },
    { name: 'music, FLAC', file: f('music.flac'), lengths: [120] },
    { name: 'music, Ogg Vorbis', file: f('music.ogg'), lengths: [120] },
    { name: 'music, M4A/AAC', file: f('music.m4a'), lengths: [120] },
    { name: 'music, Opus', file: f('music.opus'), lengths: [120] },
    { name: 'music, WAV 8 kHz mono (upsampled)', file: f('music-8k-mono.wav'), lengths: [120] },
    { name: 'music, WAV 5.1 (downmixed)', file: f('music-5.1.wav'), lengths: [120] },
    { name: 'music, WAV 24-bit 96 kHz', file: f('music-24bit-96k.wav'), lengths: [120] },
    { name: 'music, WAV float32', file: f('music-float.wav'), lengths: [120] },
    { name: 'music, ALAC in M4A', file: f('music-alac.m4a'), lengths: [120] },
    { name: 'sound track of an MPEG-4 video', file: f('video.mp4'), lengths: [120] },
    { name: 'music, 130 s MP3 (120 s limit, whole file, 30 s)', file: f('long.mp3'), lengths: [120, 0, 30] },
    { name: 'truncated MP3', file: f('truncated.mp3'), lengths: [120] },
  ];
  for (const [i, real] of realMusic(2).entries()) {
    const copy = f(`real-${i}.ogg`);
    cases.push({ name: `real music, planetblupi ${real.split('/').pop()}`, file: copy, lengths: [120, 0] });
  }
  return cases;
}
