/**
 * `tdmr distribute ...`: distribution runs over a period's usage reports, and performers' statements.
 * `--as` names the staff account running it (the log records it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { Option, type Command } from 'commander';
import { totalsByPerformer, type DistributionRules } from '../../licensing/distribution.js';
import { LicensingError } from '../../licensing/errors.js';
import { performerStatementCsv, performerStatementHtml, reconciliationHtml, type Lang } from '../../licensing/statement-render.js';
import { EXIT, action, emit, withContext, type Register } from '../io.js';

const euros = (cents: number) => (cents / 100).toFixed(2);

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
          const summary = { run, performers: totalsByPerformer(r.shares).length, suspenseLines: r.suspense.length, rerun: r.rerun, phases: r.phases };
          emit(io, cmd, summary, () =>
            [
              `distribution run ${run.id}${r.rerun ? ' (already made: unchanged)' : ''}: ${run.reports.length} reports`,
              `  collected   ${euros(run.collectedCents)}`,
              `  distributed ${euros(run.distributedCents)} to ${summary.performers} performers`,
              `  suspense    ${euros(run.suspenseCents)} (${r.suspense.length} lines)`,
              `  time        ${r.phases.map((p) => `${p.name} ${p.ms.toFixed(0)} ms`).join(', ')}`,
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
  d.command('statement')
    .description("a performer's statement for a run (CSV, printable HTML or JSON); without --performer every share of the run (staff), or --suspense its held lines")
    .argument('<run>', 'the run id')
    .option('--performer <id>', 'the performer (a performer account sees only its own)')
    .option('--suspense', 'the suspense lines instead, with their reasons (staff)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'html']).default('csv'))
    .addOption(new Option('--lang <lang>', 'language of the HTML').choices(['fr', 'en']).default('en'))
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(new Option('--as <account>', 'the account reading it').makeOptionMandatory())
    .action(
      action(io, done, async (runId: string, o: { performer?: string; suspense?: boolean; format: 'csv' | 'html'; lang: Lang; out?: string; as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const p = await ctx.services.licensing.principalOf(o.as);
          const statements = ctx.services.statements;
          if (o.performer !== undefined) {
            const st = await statements.performerStatement(p, runId, o.performer);
            write(io, cmd, o.out, st, o.format === 'html' ? performerStatementHtml(st, o.lang) : performerStatementCsv(st));
            return EXIT.OK;
          }
          // Every share, or the suspense, of the run: staff only (statements.run checks the role).
          await statements.run(p, runId);
          const store = ctx.stores.licensing;
          if (o.suspense === true) {
            const held = await store.runSuspense(runId);
            write(io, cmd, o.out, held, stringify(held.map((h) => [h.recording, h.performerId ?? '', h.reason, h.cents, euros(h.cents)]), { header: true, columns: ['recording', 'performer', 'reason', 'cents', 'euros'] }));
            return EXIT.OK;
          }
          const shares = await store.runShares(runId);
          write(io, cmd, o.out, shares, stringify(shares.map((x) => [x.performerId, x.recording, x.role, x.featured ? 'yes' : 'no', x.cents, euros(x.cents)]), { header: true, columns: ['performer', 'recording', 'role', 'featured', 'cents', 'euros'] }));
          return EXIT.OK;
        }),
      ),
    );
  d.command('report')
    .description("a run's reconciliation: collected by report, distributed by class, suspense by reason, every check (exit 1 if the books do not balance)")
    .argument('<run>', 'the run id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'html']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the HTML').choices(['fr', 'en']).default('en'))
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(new Option('--as <account>', 'the staff account reading it').makeOptionMandatory())
    .action(
      action(io, done, async (runId: string, o: { format: 'text' | 'html'; lang: Lang; out?: string; as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const rec = await ctx.services.statements.reconciliation(await ctx.services.licensing.principalOf(o.as), runId);
          const text = [
            `distribution run ${rec.run.id}: ${rec.ok ? 'the books balance' : 'THE BOOKS DO NOT BALANCE'}`,
            `  collected   ${euros(rec.collectedCents)} from ${rec.reports.length} reports`,
            `  distributed ${euros(rec.distributedCents)} (featured ${euros(rec.byClass.featuredCents)}, non-featured ${euros(rec.byClass.nonFeaturedCents)}) to ${rec.performers} performers`,
            `  suspense    ${euros(rec.suspenseCents)}${rec.suspenseByReason.map((r) => `\n    ${r.reason}: ${euros(r.cents)} (${r.lines} lines)`).join('')}`,
            ...rec.checks.map((c) => `  ${c.ok ? 'ok ' : 'BAD'} ${c.name}: expected ${euros(c.expectedCents)}, found ${euros(c.actualCents)}${c.unbalanced === undefined ? '' : ` (${c.unbalanced.join(', ')})`}`),
          ].join('\n');
          write(io, cmd, o.out, rec, o.format === 'html' ? reconciliationHtml(rec, o.lang) : text);
          return rec.ok ? EXIT.OK : EXIT.NEGATIVE;
        }),
      ),
    );
};

/** `--json` prints the value; otherwise the text goes to `--out` or standard output. */
function write(io: Parameters<Register>[1], cmd: Command, out: string | undefined, value: unknown, text: string): void {
  if (out !== undefined && cmd.optsWithGlobals<{ json?: boolean }>().json !== true) {
    writeFileSync(out, text.endsWith('\n') ? text : `${text}\n`);
    emit(io, cmd, value, () => `written to ${out}`);
    return;
  }
  emit(io, cmd, value, () => text.replace(/\n$/, ''));
}
