/**
 * `tdmr licence usage submit` and `tdmr licence statement`: the money side of the licensing desk from the
 * command line, a licensee's usage report taken in and its statement printed (CSV or HTML).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LicensingError } from '../../licensing/errors.js';
import { licenseeStatementCsv, licenseeStatementHtml } from '../../licensing/statement-render.js';
import { usageCsvRecords, usageScanRecords } from '../../licensing/usage-csv.js';
import { EXIT, action, emit, withContext, type ExitCode, type Io } from '../io.js';

/** Adds `usage submit` and `statement` to the `licence` command; `asOption` is its `--as ACCOUNT`. */
export function registerLicenceMoney(licence: Command, io: Io, done: (code: ExitCode) => void, asOption: () => Option): void {
  licence
    .command('usage')
    .description('usage reports')
    .command('submit')
    .description('report what was used under a licence for a period: a CSV with columns isrc, uses (";"-separated), units, seconds, or the JSONL of `tdmr scan` (fingerprint matches) with --scan-uses')
    .argument('<licence>', 'the licence id')
    .argument('<file>', 'the usage CSV')
    .requiredOption('--from <date>', 'start of the period')
    .requiredOption('--to <date>', 'end of the period (excluded)')
    .option('--revenue <cents>', 'the period’s revenue in cents (revenue-share tariffs)')
    .option('--currency <code>', 'ISO 4217 (default: the tariff’s)')
    .option('--scan-uses <uses>', 'the file is `tdmr scan` output (JSONL): each fingerprint match is one unit of these uses (";"-separated), its matched seconds as seconds')
    .addOption(asOption())
    .addHelpText('after', '\nA bad cell rejects the whole report (every problem listed by line and field; exit 2). Lines outside the licence are kept and flagged.')
    .action(
      action(io, done, async (id: string, file: string, o: { as: string; from: string; to: string; revenue?: string; currency?: string; scanUses?: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const svc = ctx.services.licensing;
          const revenue = o.revenue === undefined ? undefined : Number(o.revenue);
          if (revenue !== undefined && !Number.isSafeInteger(revenue)) throw new LicensingError('LICENSING_BAD_USAGE', `--revenue must be a whole number of cents, got ${o.revenue}`, { details: { field: '--revenue' } });
          const r = await svc.submitUsage((await svc.principalOf(o.as)).actor, {
            licence: id,
            from: o.from,
            to: o.to,
            source: file,
            records: o.scanUses === undefined ? usageCsvRecords(createReadStream(file), file) : usageScanRecords(createReadStream(file), file, o.scanUses.split(';')),
            ...(revenue === undefined ? {} : { revenueCents: revenue }),
            ...(o.currency === undefined ? {} : { currency: o.currency }),
          });
          const { report } = r;
          emit(io, cmd, r, () => `usage report ${report.id}: ${report.lines} lines, ${report.flagged} flagged, ${(report.totalCents / 100).toFixed(2)} ${report.currency}`);
          return EXIT.OK;
        }),
      ),
    );

  licence
    .command('statement')
    .description("a licensee's statement: its usage reports, what each cost and the run that distributed it (CSV or printable HTML)")
    .argument('<organisation>', 'the organisation id')
    .option('--from <date>', 'reports of periods starting on or after this date')
    .option('--to <date>', 'reports of periods ending on or before this date')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'html']).default('csv'))
    .addOption(new Option('--lang <lang>', 'language of the HTML').choices(['fr', 'en']).default('en'))
    .option('--out <file>', 'write it to this file (default: print it)')
    .addOption(asOption())
    .action(
      action(io, done, async (orgId: string, o: { from?: string; to?: string; format: 'csv' | 'html'; lang: 'fr' | 'en'; out?: string; as: string }, cmd: Command) =>
        withContext(cmd, async (ctx) => {
          const p = await ctx.services.licensing.principalOf(o.as);
          const st = await ctx.services.statements.licenseeStatement(p, orgId, { ...(o.from === undefined ? {} : { from: o.from }), ...(o.to === undefined ? {} : { to: o.to }) });
          const text = o.format === 'html' ? licenseeStatementHtml(st, o.lang) : licenseeStatementCsv(st);
          if (o.out !== undefined) writeFileSync(o.out, text);
          emit(io, cmd, st, () => (o.out === undefined ? text.replace(/\n$/, '') : `statement written to ${o.out}`));
          return EXIT.OK;
        }),
      ),
    );
}
