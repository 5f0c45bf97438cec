// Synthetic music for the fingerprint robustness bench and tests: each track is a seeded random piece
// (tempo, key, scale, a melody on one of several sox instruments, a chord pad, a bass line and noise-burst
// drums), rendered by sox and mixed. Distinct seeds give distinct tracks; pure tones would all look alike
// to Chromaprint, note sequences and chords do not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** mulberry32: a small deterministic generator, so a seed always renders the same track. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALES = [
  [0, 2, 4, 5, 7, 9, 11],
  [0, 2, 3, 5, 7, 8, 10],
  [0, 3, 5, 7, 10],
  [0, 2, 3, 5, 7, 9, 10],
];
const LEADS = ['pluck', 'square', 'sawtooth', 'triangle'];
/** sox, with its own message (not the whole command line) when it fails. */
function run(args) {
  const r = spawnSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox failed: ${r.stderr.trim() || r.error?.message}`);
}
const hz = (midi) => (440 * 2 ** ((midi - 69) / 12)).toFixed(2);
const sec = (x) => x.toFixed(4);

/**
 * Renders one track of about `seconds` to `out` (WAV, 44.1 kHz stereo). Returns what was drawn.
 * @param {string} out
 * @param {number} seed
 * @param {number} seconds
 */
export function synthTrack(out, seed, seconds) {
  const r = rng(seed * 7919 + 17);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const bpm = 70 + Math.floor(r() * 90);
  const beat = 60 / bpm;
  const root = 48 + Math.floor(r() * 12);
  const scale = pick(SCALES);
  const lead = pick(LEADS);
  const degree = (d) =>
    root + 12 * Math.floor(d / scale.length) + scale[((d % scale.length) + scale.length) % scale.length];
  const bars = Math.ceil(seconds / (4 * beat));
  const melody = [];
  const pad = [];
  const bass = [];
  const drums = [];
  let d = 7 + Math.floor(r() * 5);
  for (let b = 0; b < bars; b++) {
    const chordRoot = pick([0, 3, 4, 5, 1, 2]);
    const chord = [0, 2, 4].map((k) => hz(degree(chordRoot + k) + 12));
    pad.push([
      'synth',
      sec(4 * beat),
      'sine',
      chord[0],
      'synth',
      sec(4 * beat),
      'sine',
      'mix',
      chord[1],
      'synth',
      sec(4 * beat),
      'triangle',
      'mix',
      chord[2],
      'fade',
      '0.05',
      sec(4 * beat),
      '0.2',
    ]);
    bass.push([
      'synth',
      sec(2 * beat),
      'square',
      hz(degree(chordRoot) - 12),
      'fade',
      '0',
      sec(2 * beat),
      sec(beat),
    ]);
    bass.push([
      'synth',
      sec(2 * beat),
      'square',
      hz(degree(chordRoot + (r() < 0.5 ? 4 : 0)) - 12),
      'fade',
      '0',
      sec(2 * beat),
      sec(beat),
    ]);
    let t = 0;
    while (t < 4 - 1e-9) {
      const len = Math.min(4 - t, pick([0.5, 0.5, 1, 0.25, 1.5]));
      d += pick([-2, -1, -1, 1, 1, 2, 3, -3, 0]);
      d = Math.max(0, Math.min(12, d));
      if (r() < 0.12) melody.push(['synth', sec(len * beat), 'sine', '1', 'vol', '0']);
      else
        melody.push([
          'synth',
          sec(len * beat),
          lead,
          hz(degree(d) + 12),
          'fade',
          '0.005',
          sec(len * beat),
          sec(len * beat * 0.6),
        ]);
      t += len;
    }
    for (let k = 0; k < 8; k++) {
      const hit = k % 4 === 0 || (k % 2 === 1 && r() < 0.6) || r() < 0.25;
      const half = sec(beat / 2);
      if (!hit) drums.push(['synth', half, 'sine', '1', 'vol', '0']);
      else if (k % 4 === 0)
        drums.push(['synth', half, 'sine', '90-40', 'fade', '0', half, sec(beat / 2 - 0.01)]);
      else
        drums.push([
          'synth',
          half,
          pick(['whitenoise', 'pinknoise']),
          'fade',
          '0',
          half,
          sec(beat / 2 - 0.02),
          'vol',
          '0.5',
        ]);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-synth-'));
  try {
    // sox slows down more than linearly with the number of chained effects: render 40 at a time, then join.
    const voice = (name, chains) => {
      const parts = [];
      for (let at = 0; at < chains.length; at += 40) {
        const part = join(dir, `${name}-${parts.length}.wav`);
        const args = ['-r', '44100', '-c', '1', '-n', part];
        chains.slice(at, at + 40).forEach((c, i) => args.push(...(i === 0 ? [] : [':']), ...c));
        run(args);
        parts.push(part);
      }
      const file = join(dir, `${name}.wav`);
      run([...parts, file]);
      return file;
    };
    const files = [voice('melody', melody), voice('pad', pad), voice('bass', bass), voice('drums', drums)];
    run([
      '-m',
      '-v',
      '0.35',
      files[0],
      '-v',
      '0.2',
      files[1],
      '-v',
      '0.25',
      files[2],
      '-v',
      '0.3',
      files[3],
      '-r',
      '44100',
      '-c',
      '2',
      out,
      'trim',
      '0',
      sec(seconds),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { bpm, root, lead, bars };
}
