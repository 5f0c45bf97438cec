/**
 * `tdmr distribute ...`: distribution runs over a period's usage reports, and performers' statements.
 * `--as` names the staff account running it (the log records it).
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { totalsByPerformer, type DistributionRules } from '../../licensing/distribution.js';
import { LicensingError } from '../../licensing/errors.js';
import { EXIT, action, emit, withContext, type Register } from '../io.js';

const euros = (cents: number) => (cents / 100).toFixed(2);
/** RFC 4180 cell. */
const cell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

function rulesFrom(path: string): DistributionRules {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new LicensingError('LICENSING_BAD_WEIGHTS', `${path}: ${(e as Error).message}`, { details: { file: path } });
  }
  const r = v as Partial<DistributionRules> | null;
  if (r === null || typeof r !== 'object' || typeof r.featured !== 'number' || typeof r.nonFeatured !== 'number') {
    throw new LicensingError('LICENSING_BAD_WEIGHTS', `${path}: rules are { "featured": N, "nonFeatured": N, "roleWeights"?: { role: N } }`, { details: { file: path } });
  }
  return r as DistributionRules;
}

export const registerDistribute: Register = (program, io, done) => {
  const d = program.command('distribute').description('distribution of what licensees paid to the performers of each line-up');
  d.command('run')
    .description('distribute the usage reports of a period (idempotent: the same period, rules and reports give back the same run)')
    .requiredOption('--from <date>', 'start of the period')
    .requiredOption('--to <date>', 'end of the period (excluded)')
    .option('--rules <file>', 'JSON { featured, nonFeatured, roleWeights? } (default 65 / 35)')
    .addOption(new Option('--as <account>', 'the staff account running it').makeOptionMandatory())
    .action(
      action(io, done, async (o: { from: string; to: string; rules?: string; as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const rules = o.rules === undefined ? { featured: 65, nonFeatured: 35 } : rulesFrom(o.rules);
          const r = await svc.distribute((await svc.principalOf(o.as)).actor, { from: o.from, to: o.to, rules });
          const { run } = r;
          const summary = { run, performers: totalsByPerformer(r.shares).length, suspenseLines: r.suspense.length, rerun: r.rerun };
          emit(io, cmd, summary, () =>
            [
              `distribution run ${run.id}${r.rerun ? ' (already made: unchanged)' : ''}: ${run.reports.length} reports`,
              `  collected   ${euros(run.collectedCents)}`,
              `  distributed ${euros(run.distributedCents)} to ${summary.performers} performers`,
              `  suspense    ${euros(run.suspenseCents)} (${r.suspense.length} lines)`,
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
  d.command('statement')
    .description("a performer's statement for a run, as CSV (recording, role, featured, cents, euros), or the run's suspense")
    .argument('<run>', 'the run id (or its key)')
    .option('--performer <id>', 'the performer (default: every performer)')
    .option('--suspense', 'the suspense lines instead, with their reasons')
    .action(
      action(io, done, async (runId: string, o: { performer?: string; suspense?: boolean }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const store = ctx.stores.licensing;
          if (o.suspense === true) {
            const held = await store.runSuspense(runId);
            emit(io, cmd, held, () => ['recording,performer,reason,cents,euros', ...held.map((h) => [h.recording, h.performerId ?? '', h.reason, h.cents, euros(h.cents)].map(cell).join(','))].join('\n'));
            return EXIT.OK;
          }
          const shares = (await store.runShares(runId)).filter((s) => o.performer === undefined || s.performerId === o.performer);
          emit(io, cmd, shares, () =>
            ['performer,recording,role,featured,cents,euros', ...shares.map((s) => [s.performerId, s.recording, s.role, s.featured ? 'yes' : 'no', s.cents, euros(s.cents)].map(cell).join(','))].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
};
