// Chromaprint core speed (docs/fingerprint.md): the TypeScript core against fpcalc's own core on the same
// 11025 Hz mono s16 PCM (fpcalc reads it raw: -format s16le -rate 11025 -channels 1 -length 0), so neither
// side decodes or resamples. Throughput = audio seconds per CPU second.
// fpcalc: CPU of its process from bash's `time` (bench/lib/cpu-time.js), start-up included as a user pays
// it; median of BENCH_RUNS. Core: process.cpuUsage() around fingerprint(pcm) on PCM already in memory,
// median of BENCH_RUNS after one warm-up run (the cold first run is reported too).
// ratio = core throughput / fpcalc throughput; the target is >= 1.0. The items are checked bit-identical.
// Sizes: BENCH_SECONDS of audio (default 1800), BENCH_RUNS (default 7). Run: npm run build && node bench/fingerprint-core.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../dist/fingerprint/index.js';
import { median, timedRun } from './lib/cpu-time.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1800);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const log = (s) => process.stderr.write(`${s}\n`);

const dir = mkdtempSync(join(tmpdir(), 'bench-fpcore-'));
try {
  const pcmFile = join(dir, 'audio.raw');
  // Chords, a glide and pink noise: content does not change the core's cost, but keeps the items varied.
  const sox = spawnSync(
    'sox',
    [
      '-n',
      '-r',
      '11025',
      '-c',
      '1',
      '-b',
      '16',
      '-e',
      'signed',
      pcmFile,
      'synth',
      String(SECONDS),
      'sine',
      '220-880',
      'sine',
      '330',
      'pinknoise',
      'remix',
      '-',
      'vol',
      '0.4',
    ],
    { stdio: 'inherit' },
  );
  if (sox.status !== 0) throw new Error('sox failed');
  const buf = readFileSync(pcmFile);
  const pcm = new Int16Array(buf.buffer, buf.byteOffset, buf.length >> 1);

  const fpArgs = [
    '-raw',
    '-json',
    '-length',
    '0',
    '-format',
    's16le',
    '-rate',
    '11025',
    '-channels',
    '1',
    pcmFile,
  ];
  const fpRuns = [];
  let reference = null;
  for (let i = 0; i < RUNS; i++) {
    const r = timedRun('fpcalc', fpArgs);
    fpRuns.push(r.cpu);
    reference ??= JSON.parse(r.stdout).fingerprint;
  }

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t0 = cpu();
  const first = fingerprint(pcm);
  const cold = cpu() - t0;
  const coreRuns = [];
  for (let i = 0; i < RUNS; i++) {
    const t = cpu();
    fingerprint(pcm);
    coreRuns.push(cpu() - t);
  }
  const identical = first.length === reference.length && first.every((v, i) => v === reference[i]);
  if (!identical) throw new Error('the core and fpcalc disagree on this PCM');

  const fpcalcX = SECONDS / median(fpRuns);
  const coreX = SECONDS / median(coreRuns);
  const result = {
    bench: 'fingerprint-core',
    audioSeconds: SECONDS,
    items: first.length,
    identical,
    fpcalc: { cpuSeconds: median(fpRuns), xRealtime: Math.round(fpcalcX) },
    core: {
      cpuSeconds: median(coreRuns),
      xRealtime: Math.round(coreX),
      coldCpuSeconds: cold,
      coldXRealtime: Math.round(SECONDS / cold),
    },
    ratio: Number((coreX / fpcalcX).toFixed(2)),
    coldRatio: Number((SECONDS / cold / fpcalcX).toFixed(2)),
    target: 1.0,
  };
  log(
    `fpcalc ${result.fpcalc.xRealtime}x, core ${result.core.xRealtime}x (cold ${result.core.coldXRealtime}x): ratio ${result.ratio}`,
  );
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
