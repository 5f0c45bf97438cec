/** Audio for the fingerprint tests: synthetic tracks rendered once per process with sox (bench/lib/synth-music.js). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerpt, variant } from '../../bench/lib/audio-variants.js';
import { synthTrack } from '../../bench/lib/synth-music.js';

export interface TestAudio {
  tracks: string[];
  /** A 20 s excerpt of tracks[0] from `at` seconds, as MP3 128k. */
  clip: string;
  at: number;
  /** Bytes that are not audio, named like audio. */
  junk: string;
}

export function makeAudio(dir: string, n = 3): TestAudio {
  mkdirSync(dir, { recursive: true });
  const tracks = Array.from({ length: n }, (_, i) => {
    const f = join(dir, `track-${i}.wav`);
    synthTrack(f, 500 + i, 40);
    return f;
  });
  const at = 12.3;
  const cut = excerpt(tracks[0]!, at, 20, join(dir, 'cut.wav'));
  const clip = variant(cut, 'mp3-128k', join(dir, 'clip'));
  const junk = join(dir, 'not-audio.mp3');
  writeFileSync(junk, 'this is text, not audio\n'.repeat(50));
  return { tracks, clip, at, junk };
}
