import { Option } from 'commander';
import { formatDivergence } from '../../ledger/audit-report.js';
import { LedgerError } from '../../ledger/errors.js';
import { QUERY_USES, type QueryUse } from '../../registry/model.js';
import { EXIT, action, configFrom, emit, withContext, type Register } from '../io.js';
import { writeProofFile } from '../proof-files.js';

export const registerLedger: Register = (program, io, done) => {
  const ledger = program.command('ledger').description('the transparency log: key, checkpoints, proofs, audit');

  ledger
    .command('key')
    .description("print the log's public verifier key (what /.well-known/tdm-reserve/log-key publishes)")
    .action(
      action(io, done, async (_opts, cmd) =>
        withContext(cmd, (ctx) => {
          const key = ctx.services.ledger.verifierKey();
          const config = configFrom(cmd);
          emit(io, cmd, { origin: ctx.services.ledger.origin, verifierKey: key, keyFile: config.logKeyFile }, () => key);
          return Promise.resolve(EXIT.OK);
        }),
      ),
    );

  ledger
    .command('checkpoint')
    .description('sign a checkpoint of the whole log now (unless the latest already covers it) and print it')
    .action(
      action(io, done, async (_opts, cmd) =>
        withContext(cmd, async (ctx) => {
          const cp = await ctx.services.ledger.checkpoint();
          emit(io, cmd, { size: cp.size, rootHash: Buffer.from(cp.rootHash).toString('base64'), createdAt: cp.createdAt, note: cp.note }, () => cp.note.trimEnd());
          return EXIT.OK;
        }),
      ),
    );

  ledger
    .command('verify')
    .description('recompute the whole log from its entries and check nodes, checkpoints and the registry tables against it')
    .option('--no-signatures', 'compare checkpoint roots only (no signer key needed)')
    .addHelpText('after', '\nExit code: 0 consistent, 1 a divergence was found (the first one is printed).')
    .action(
      action(io, done, async (opts: { signatures: boolean }, cmd) =>
        withContext(cmd, async (ctx) => {
          const report = await ctx.services.ledger.audit({ checkSignatures: opts.signatures });
          emit(io, cmd, report, () => {
            const summary = `${report.entries} entries, ${report.checkpoints} checkpoints, ${report.rows.mandates} mandate rows, ${report.rows.declarations} declarations, ${report.rows.recordings} recordings, ${report.rows.licenceRequests} licence requests, ${report.rows.licences} licences, ${report.rows.usageReports} usage reports, ${report.rows.distributionRuns} distribution runs; root ${report.rootHash}`;
            if (report.first === null) return `log consistent: ${summary}`;
            const more = report.divergences.length - 1;
            return [`DIVERGENCE: ${formatDivergence(report.first)}`, more > 0 ? `  and ${more}${report.truncated ? '+' : ''} more` : '', `  checked ${summary}`].filter(Boolean).join('\n');
          });
          return report.ok ? EXIT.OK : EXIT.NEGATIVE;
        }),
      ),
    );

  ledger
    .command('proof')
    .description('write a proof of reservation of a recording at an instant (checked offline with `tdmr verify-proof`)')
    .argument('<isrc>', 'ISRC')
    .option('--at <date>', 'the instant (ISO-8601; default now)')
    .addOption(new Option('--use <use>', 'one use (default: every use)').choices([...QUERY_USES]))
    .option('--territory <code>', 'ISO 3166-1 alpha-2 territory')
    .option('--out <file>', 'write the proof to this file (default: print it)')
    .addHelpText('after', '\nExit code: 0 proof written, 1 the log does not show the recording reserved then, 2 bad input.')
    .action(
      action(io, done, async (isrc: string, opts: { at?: string; use?: QueryUse; territory?: string; out?: string }, cmd) =>
        withContext(cmd, async (ctx) => {
          try {
            const proof = await ctx.services.ledger.reservationProof(isrc, opts);
            if (opts.out !== undefined) {
              writeProofFile(opts.out, proof);
              io.err(`proof of reservation of ${proof.recording.isrc} at ${proof.at} written to ${opts.out}`);
            } else {
              io.out(JSON.stringify(proof, null, 2));
            }
            return EXIT.OK;
          } catch (e) {
            if (e instanceof LedgerError && e.code === 'LEDGER_RESERVATION_NOT_FOUND') {
              io.err(e.message);
              return EXIT.NEGATIVE;
            }
            throw e;
          }
        }),
      ),
    );
};
