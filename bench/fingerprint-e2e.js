// End-to-end fingerprinting speed (docs/fingerprint.md): MP3 files through ffmpeg and the TypeScript core
// against fpcalc on the same files, at the same -length (BENCH_LENGTH, default 120 as AcoustID uses; 0 =
// whole files). CPU seconds from bash's `time` (bench/lib/cpu-time.js): for fpcalc, one process per
// file, summed; for the core, one node process fingerprinting every file in turn
// (bench/lib/fingerprint-e2e-run.js), its ffmpeg children included, node's start-up included once;
// one ffmpeg per BENCH_BATCH files (default 8, fingerprintFiles' default; 1 = one ffmpeg per file, as
// `tdmr fingerprint` runs, which also asks ffprobe for fpcalc's exact duration).
// ratio = fpcalc CPU / core CPU (higher is better for the core); the target is >= 0.8. Items are checked
// bit-identical. Sizes: BENCH_FILES (default 40) synthetic tracks of BENCH_SECONDS (default 180) as MP3
// 128k, BENCH_RUNS (default 3, median). Run: npm run build && node bench/fingerprint-e2e.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthTrack } from './lib/synth-music.js';
import { median, timedRun } from './lib/cpu-time.js';

const FILES = Number(process.env.BENCH_FILES ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 180);
const LENGTH = Number(process.env.BENCH_LENGTH ?? 120);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 8);
const log = (s) => process.stderr.write(`${s}\n`);
const runner = fileURLToPath(new URL('./lib/fingerprint-e2e-run.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'bench-fpe2e-'));
try {
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const wav = join(dir, `t${i}.wav`);
    const mp3 = join(dir, `t${i}.mp3`);
    synthTrack(wav, 4100 + i, SECONDS);
    const r = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      wav,
      '-c:a',
      'libmp3lame',
      '-b:a',
      '128k',
      mp3,
    ]);
    if (r.status !== 0) throw new Error(`ffmpeg failed on ${wav}`);
    rmSync(wav);
    files.push(mp3);
  }
  log(`${FILES} MP3 files of ${SECONDS} s, -length ${LENGTH}`);

  const fpcalcRuns = [];
  const reference = new Map();
  for (let k = 0; k < RUNS; k++) {
    let cpu = 0;
    for (const f of files) {
      const r = timedRun('fpcalc', ['-raw', '-json', '-length', String(LENGTH), f]);
      cpu += r.cpu;
      if (k === 0) reference.set(f, JSON.parse(r.stdout).fingerprint);
    }
    fpcalcRuns.push(cpu);
  }
  const coreRuns = [];
  let identical = true;
  for (let k = 0; k < RUNS; k++) {
    process.env.BENCH_LENGTH = String(LENGTH);
    process.env.BENCH_BATCH = String(BATCH);
    const t = timedRun(process.execPath, [runner, ...files]);
    if (t.status !== 0) throw new Error('the core run failed');
    coreRuns.push(t.cpu);
    if (k === 0) {
      for (const line of t.stdout.trim().split('\n')) {
        const { file, fingerprint } = JSON.parse(line);
        const ref = reference.get(file);
        identical &&= ref.length === fingerprint.length && ref.every((v, i) => v === fingerprint[i]);
      }
    }
  }
  if (!identical) throw new Error('the core and fpcalc disagree on these files');
  const audio = FILES * (LENGTH > 0 ? Math.min(LENGTH, SECONDS) : SECONDS);
  const fp = median(fpcalcRuns);
  const core = median(coreRuns);
  const result = {
    bench: 'fingerprint-e2e',
    files: FILES,
    fileSeconds: SECONDS,
    length: LENGTH,
    batch: BATCH,
    identical,
    fpcalc: { cpuSeconds: fp, xRealtime: Math.round(audio / fp) },
    core: { cpuSeconds: core, xRealtime: Math.round(audio / core) },
    ratio: Number((fp / core).toFixed(2)),
    target: 0.8,
  };
  log(`fpcalc ${fp.toFixed(3)} s CPU, core (node + ffmpeg) ${core.toFixed(3)} s CPU: ratio ${result.ratio}`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
