/**
 * Writes the demo data set as the four import files of docs/import-csv.md. Streaming: performers, then
 * recordings are generated one at a time and written in chunks, so memory does not grow with the scale.
 * Deterministic: the same seed and scale give byte-identical files.
 *
 * @example
 * const { files, counts } = await generateDemo('/tmp/demo', { scale: 10_000, seed: 'demo' });
 * // files.performers, files.mandates, files.recordings, files.lineups; counts.recordings === 10_000
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ChunkedWriter } from './chunked-writer.js';
import {
  headerLine,
  lineupLines,
  mandateLine,
  performerLine,
  recordingLine,
  type DemoFileKind,
} from './csv.js';
import { DemoError } from './errors.js';
import { mandatesOf } from './mandates.js';
import { keyAt, performerAt } from './performers.js';
import { demoContext, demoPlan, type DemoContext } from './plan.js';
import { recordingAt } from './recordings.js';

export interface DemoProgress {
  phase: 'performers' | 'recordings';
  done: number;
  total: number;
}

export interface GenerateOptions {
  /** Number of recordings (default 200,000); performers are one twentieth of it. */
  scale?: number | undefined;
  seed?: string | number | undefined;
  /** Called every few thousand rows and at the end of each phase. */
  onProgress?: ((p: DemoProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export type DemoFiles = Record<DemoFileKind, string>;

export interface DemoCounts {
  performers: number;
  members: number;
  nonMembers: number;
  mandates: number;
  recordings: number;
  sound: number;
  audiovisual: number;
  lineups: number;
}

export interface DemoResult {
  dir: string;
  seed: string;
  scale: number;
  files: DemoFiles;
  counts: DemoCounts;
}

const KINDS: readonly DemoFileKind[] = ['performers', 'mandates', 'recordings', 'lineups'];
const PROGRESS_EVERY = 8192;

type Writers = Record<DemoFileKind, ChunkedWriter>;

async function openAll(dir: string): Promise<Writers> {
  const opened: ChunkedWriter[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const kind of KINDS) {
      const w = await ChunkedWriter.create(join(dir, `${kind}.csv`));
      opened.push(w);
      w.add(headerLine(kind));
    }
  } catch (e) {
    await Promise.allSettled(opened.map((w) => w.abandon()));
    throw new DemoError(
      'DEMO_OUTPUT_FAILED',
      `cannot write the demo files in ${dir}: ${(e as Error).message}`,
      { cause: e, details: { dir } },
    );
  }
  const [performers, mandates, recordings, lineups] = opened as [
    ChunkedWriter,
    ChunkedWriter,
    ChunkedWriter,
    ChunkedWriter,
  ];
  return { performers, mandates, recordings, lineups };
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true)
    throw new DemoError('DEMO_ABORTED', 'demo data generation was aborted', { cause: signal.reason });
}

async function writePerformers(
  ctx: DemoContext,
  w: Writers,
  counts: DemoCounts,
  opts: GenerateOptions,
): Promise<void> {
  const total = ctx.plan.performers;
  for (let p = 0; p < total; p++) {
    const perf = performerAt(ctx, p);
    let full = w.performers.add(performerLine(perf));
    if (perf.member) counts.members++;
    for (const m of mandatesOf(ctx, perf)) {
      full = w.mandates.add(mandateLine(m)) || full;
      counts.mandates++;
    }
    if (full) await Promise.all([w.performers.flush(), w.mandates.flush()]);
    if ((p + 1) % PROGRESS_EVERY === 0) {
      checkAbort(opts.signal);
      opts.onProgress?.({ phase: 'performers', done: p + 1, total });
    }
  }
  counts.performers = total;
  counts.nonMembers = total - counts.members;
  opts.onProgress?.({ phase: 'performers', done: total, total });
}

async function writeRecordings(
  ctx: DemoContext,
  w: Writers,
  counts: DemoCounts,
  opts: GenerateOptions,
): Promise<void> {
  const total = ctx.plan.scale;
  const keyOf = (p: number) => keyAt(ctx, p);
  for (let i = 0; i < total; i++) {
    const r = recordingAt(ctx, i);
    if (r.kind === 'sound') counts.sound++;
    const full = w.recordings.add(recordingLine(r));
    counts.lineups += r.lineup.length;
    if (w.lineups.add(lineupLines(r, keyOf)) || full)
      await Promise.all([w.recordings.flush(), w.lineups.flush()]);
    if ((i + 1) % PROGRESS_EVERY === 0) {
      checkAbort(opts.signal);
      opts.onProgress?.({ phase: 'recordings', done: i + 1, total });
    }
  }
  counts.recordings = total;
  counts.audiovisual = total - counts.sound;
  opts.onProgress?.({ phase: 'recordings', done: total, total });
}

/** Generates the demo data set into `outDir` (created if needed; existing files of the same names are replaced). */
export async function generateDemo(outDir: string, opts: GenerateOptions = {}): Promise<DemoResult> {
  const plan = demoPlan(opts);
  checkAbort(opts.signal);
  const ctx = demoContext(plan);
  const counts: DemoCounts = {
    performers: 0,
    members: 0,
    nonMembers: 0,
    mandates: 0,
    recordings: 0,
    sound: 0,
    audiovisual: 0,
    lineups: 0,
  };
  const w = await openAll(outDir);
  try {
    await writePerformers(ctx, w, counts, opts);
    await writeRecordings(ctx, w, counts, opts);
    await Promise.all(KINDS.map((k) => w[k].close()));
  } catch (e) {
    await Promise.allSettled(KINDS.map((k) => w[k].abandon()));
    if (e instanceof DemoError) throw e;
    throw new DemoError(
      'DEMO_OUTPUT_FAILED',
      `cannot write the demo files in ${outDir}: ${(e as Error).message}`,
      { cause: e, details: { dir: outDir } },
    );
  }
  const files = Object.fromEntries(KINDS.map((k) => [k, w[k].path])) as DemoFiles;
  return { dir: outDir, seed: plan.seed, scale: plan.scale, files, counts };
}
