import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  DEFAULT_SCALE,
  DEFAULT_SEED,
  DemoError,
  generateDemo,
  MAX_SCALE,
  type DemoProgress,
  type DemoResult,
} from '../../demo/index.js';
import { EXIT, action, emit, type Io, type Register } from '../io.js';

/** `200000`, `200_000` or `200,000`. */
export function parseScale(raw: string): number {
  const digits = raw.trim().replace(/[_,]/g, '');
  const n = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SCALE) {
    throw new DemoError(
      'DEMO_INVALID_OPTIONS',
      `--scale: a whole number of recordings from 1 to ${MAX_SCALE}, got ${raw}`,
      { details: { field: 'scale' } },
    );
  }
  return n;
}

/** A progress bar on stderr when it is a terminal; performers then recordings fill one bar. */
export function demoProgressBar(io: Io): { update: (p: DemoProgress) => void; stop: () => void } {
  if (!io.isTty) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'demo data [{bar}] {percentage}% | {phase} ({value}/{total} performers + recordings)',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let performers = 0;
  let started = false;
  return {
    update: (p) => {
      if (p.phase === 'performers') performers = p.total;
      if (!started) {
        bar.start(p.total, 0, { phase: p.phase });
        started = true;
      }
      if (p.phase === 'recordings') bar.setTotal(performers + p.total);
      bar.update(p.phase === 'performers' ? p.done : performers + p.done, { phase: p.phase });
    },
    stop: () => bar.stop(),
  };
}

function summary(r: DemoResult, seconds: number): string {
  const c = r.counts;
  return [
    `wrote ${r.dir} in ${seconds.toFixed(1)} s (seed ${JSON.stringify(r.seed)}, scale ${r.scale}):`,
    `  ${r.files.performers}: ${c.performers} performers (${c.members} members, ${c.nonMembers} non-members)`,
    `  ${r.files.mandates}: ${c.mandates} mandates`,
    `  ${r.files.recordings}: ${c.recordings} recordings (${c.sound} sound, ${c.audiovisual} audiovisual)`,
    `  ${r.files.lineups}: ${c.lineups} line-up entries`,
  ].join('\n');
}

export const registerDemoGenerate: Register = (program, io, done) => {
  const demo =
    program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('demo data');
  demo
    .command('generate')
    .description(
      'write a deterministic demo data set as the four import CSV files (performers, mandates, recordings, line-ups)',
    )
    .requiredOption(
      '--out <dir>',
      'directory to write into (created if needed; files of the same names are replaced)',
    )
    .option(
      '--scale <n>',
      `number of recordings, 1 to ${MAX_SCALE} (performers: one twentieth)`,
      String(DEFAULT_SCALE),
    )
    .option('--seed <text>', 'the same seed and scale give byte-identical files', DEFAULT_SEED)
    .addHelpText(
      'after',
      '\nThen: tdmr import DIR/performers.csv DIR/mandates.csv DIR/recordings.csv DIR/lineups.csv\nExample: tdmr demo generate --out ./demo --scale 1000000 --seed 42',
    )
    .action(
      action(io, done, async (opts: { out: string; scale: string; seed: string }, cmd: Command) => {
        const scale = parseScale(opts.scale);
        const bar = demoProgressBar(io);
        const t0 = performance.now();
        let result: DemoResult;
        try {
          result = await generateDemo(opts.out, { scale, seed: opts.seed, onProgress: bar.update });
        } finally {
          bar.stop();
        }
        const seconds = (performance.now() - t0) / 1000;
        emit(io, cmd, { ...result, seconds: Number(seconds.toFixed(3)) }, () => summary(result, seconds));
        return EXIT.OK;
      }),
    );
};
