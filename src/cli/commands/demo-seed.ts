import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE } from '../../demo/index.js';
import { seedDemo, type SeedResult } from '../../demo/seed.js';
import { EXIT, action, emit, withContext, type Io, type Register } from '../io.js';
import { demoProgressBar, parseScale } from './demo-generate.js';
import { importProgressBar } from './import.js';

/** Generates and imports the demo data set with progress bars on a terminal. */
export async function seedWithProgress(ctx: Context, io: Io, opts: { scale: number; seed: string }): Promise<SeedResult> {
  const gen = demoProgressBar(io);
  const imp = importProgressBar(io.isTty, io.isTty);
  try {
    return await seedDemo(ctx.db, ctx.services.registry, {
      ...opts,
      onGenerate: gen.update,
      onImport: (p) => {
        gen.stop();
        imp.update(p);
      },
    });
  } finally {
    gen.stop();
    imp.stop();
  }
}

export function seedSummary(r: SeedResult): string {
  const c = r.imported.counts;
  return (
    `demo data seeded in ${r.seconds.toFixed(1)} s (scale ${r.scale}, seed ${JSON.stringify(r.seed)}): ` +
    `${c.recordings.inserted} recordings, ${c.performers.inserted} performers, ${c.mandates.inserted} mandate versions, ` +
    `${c.lineups.inserted} line-up entries${r.declared ? ', and the demo declaration' : ''}`
  );
}

export const registerDemoSeed: Register = (program, io, done) => {
  const demo = program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('demo data');
  demo
    .command('seed')
    .description('fill the database with the deterministic demo data set (generated, then imported in one transaction)')
    .option('--scale <n>', `number of recordings, 1 to ${MAX_SCALE} (performers: one twentieth)`, String(DEFAULT_SCALE))
    .option('--seed <text>', 'the same seed and scale give the same data', DEFAULT_SEED)
    .addHelpText('after', '\nSeeding again with the same seed and scale changes nothing.\nExample: tdmr demo seed --scale 1000000')
    .action(
      action(io, done, async (opts: { scale: string; seed: string }, cmd: Command) => {
        const scale = parseScale(opts.scale);
        return withContext(cmd, async (ctx) => {
          const r = await seedWithProgress(ctx, io, { scale, seed: opts.seed });
          emit(io, cmd, r, () => seedSummary(r));
          return EXIT.OK;
        });
      }),
    );
};
