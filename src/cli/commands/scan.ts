/**
 * `tdmr scan DIR|MANIFEST`: fingerprint every audio file on worker threads (one per core), identify it
 * against the fingerprint index, give the registry's verdict per use with evidence, and write one JSONL
 * outcome per file plus the checker's HTML report. Resumable: a journal beside the output lists the
 * finished files, which a re-run skips.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { renderReport } from '../../checker/manifest-report.js';
import { FingerprintError } from '../../fingerprint/identify/errors.js';
import { ScanJournal } from '../../fingerprint/identify/scan-journal.js';
import { scanInputs } from '../../fingerprint/identify/scan-list.js';
import {
  inlineFingerprinter,
  poolFingerprinter,
  workerAvailable,
} from '../../fingerprint/identify/scan-pool.js';
import { runScan } from '../../fingerprint/identify/scan-run.js';
import { summarise } from '../../fingerprint/identify/scan-verdict.js';
import { fingerprintSource } from '../../fingerprint/sources.js';
import { openStatusLookup } from '../../registry/status-lookup.js';
import { EXIT, action, emit, withContext, type Register } from '../io.js';
import { maxSecondsFrom, thresholdOptions, thresholdsFrom, type ThresholdFlags } from './fingerprint-options.js';

interface ScanOpts extends ThresholdFlags {
  out: string;
  report?: string;
  workers: string;
  maxSeconds: string;
  restart?: boolean;
  fpcalc?: boolean;
  licence: string[];
  progress?: boolean;
}

export const registerScan: Register = (program, io, done) => {
  thresholdOptions(
    program
      .command('scan')
      .description(
        'fingerprint every audio file of a directory or manifest, identify reserved recordings in it (excerpts included) and give the registry verdict per use',
      )
      .argument(
        '<target>',
        'a directory (walked recursively for audio files) or a manifest: one path a line, or a CSV with a path column',
      )
      .requiredOption(
        '--out <file.jsonl>',
        'one outcome per file (path, duration, matches, verdict, evidence); a journal OUT.journal beside it makes the scan resumable',
      )
      .option('--report <file.html>', "the checker's self-contained HTML report")
      .option(
        '--workers <n>',
        'worker threads fingerprinting at once: a number (0: on the main thread) or auto (one per core)',
        'auto',
      )
      .option('--max-seconds <n>', 'fingerprint at most this much of each file (0: all of it)', '0')
      .option('--fpcalc', 'fingerprint with fpcalc instead of the built-in Chromaprint core (same items)')
      .option('--restart', 'forget the journal of an earlier run and scan everything again')
      .option(
        '--licence <url>',
        'a licence URL you hold (reservations naming it become licensed); repeatable',
        (v: string, all: string[]) => [...all, v],
        [] as string[],
      )
      .option('--progress', 'show progress on stderr even when it is not a terminal'),
  )
    .addHelpText(
      'after',
      '\nAn interrupted scan (Ctrl-C, kill) is resumed by running the same command again: finished files are skipped.\n' +
        'Exit code: 0 nothing reserved found, 1 some file holds a reserved recording, 2 bad usage or input (an unreadable audio file is an outcome, not a failure).\n' +
        'Example: tdmr --db data/reserve.db scan ./dataset --out scan.jsonl --report scan.html',
    )
    .action(
      action(io, done, async (target: string, opts: ScanOpts, cmd: Command) => {
        const thresholds = thresholdsFrom(opts);
        const maxSeconds = maxSecondsFrom(opts.maxSeconds);
        const workers = opts.workers === 'auto' ? availableParallelism() : Number(opts.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64)
          throw new FingerprintError(
            'FINGERPRINT_INVALID_OPTION',
            `--workers must be auto or a whole number from 0 to 64, got ${opts.workers}`,
            { details: { field: 'workers' } },
          );
        const { kind, paths } = scanInputs(target);
        const journal = ScanJournal.open(opts.out, resolve(target), { restart: opts.restart === true });
        return withContext(cmd, async (ctx) => {
          const opened = openStatusLookup(ctx.db, ctx.stores.registry);
          const registry = ctx.config.databaseUrl.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
          const registryLicence =
            ctx.config.licensingUrl ??
            (ctx.config.publicUrl !== null ? `${ctx.config.publicUrl}/licensing` : undefined);
          // From TypeScript sources (tests) there is no built worker: fingerprint on this thread instead.
          const sourceKind = opts.fpcalc === true ? 'fpcalc' : ctx.config.fingerprinter;
          const fingerprinter =
            workers > 0 && workerAvailable()
              ? poolFingerprinter(workers, { kind: sourceKind })
              : inlineFingerprinter(fingerprintSource(sourceKind), Math.max(1, workers));
          const show = io.isTty || opts.progress === true;
          const bar = show
            ? new cliProgress.SingleBar(
                {
                  stream: process.stderr,
                  format: 'scanning [{bar}] {percentage}% | {value}/{total} files | {file}',
                  noTTYOutput: !io.isTty,
                  notTTYSchedule: 500,
                  hideCursor: true,
                },
                cliProgress.Presets.shades_classic,
              )
            : null;
          bar?.start(paths.length, 0, { file: '' });
          const started = performance.now();
          let run;
          try {
            run = await runScan({
              paths,
              journal,
              fingerprinter,
              service: ctx.services.fingerprint,
              lookup: (isrc) => opened.lookup.status(isrc),
              registry,
              ...(registryLicence !== undefined ? { registryLicence } : {}),
              licences: opts.licence,
              thresholds,
              maxSeconds,
              onFile: (_o, path) =>
                bar?.increment(1, { file: path.length > 40 ? `…${path.slice(-39)}` : path }),
            });
          } finally {
            bar?.stop();
            await fingerprinter.close();
            opened.close();
          }
          const outcomes = journal.outcomes();
          const summary = summarise(outcomes);
          const seconds = (performance.now() - started) / 1000;
          if (opts.report !== undefined) {
            try {
              writeFileSync(
                opts.report,
                renderReport(summary, {
                  manifest: target,
                  source: `fingerprint index and registry ${registry}`,
                  at: new Date().toISOString(),
                  threshold: `BER ≤ ${thresholds.maxBer}, span ≥ ${thresholds.minSpanSeconds} s, score ≥ ${thresholds.minScore}`,
                  thresholdLabel: 'fingerprint match',
                  unit: 'files',
                  generatedAt: new Date().toISOString(),
                }),
              );
            } catch (cause) {
              throw new FingerprintError(
                'FINGERPRINT_INVALID_OPTION',
                `cannot write ${opts.report}: ${(cause as Error).message}`,
                { cause, details: { field: 'report' } },
              );
            }
          }
          const matched = outcomes.filter((o) => o.matches.length > 0).length;
          const unreadable = outcomes.filter((o) => !o.ok).length;
          const result = {
            target,
            kind,
            out: opts.out,
            journal: journal.journal,
            files: paths.length,
            scanned: run.scanned,
            skipped: run.skipped,
            matched,
            reserved: summary.reserved,
            unreadable,
            seconds: Math.round(seconds * 1000) / 1000,
            thresholds,
            summary,
          };
          emit(io, cmd, result, () =>
            [
              `${target}: ${paths.length} files (${run.skipped} done before, ${run.scanned} scanned now), ${matched} matched a reserved recording's fingerprint, ${summary.reserved} reserved for some use, ${unreadable} unreadable`,
              ...outcomes
                .filter((o) => o.matches.length > 0)
                .slice(0, 10)
                .map(
                  (o) =>
                    `  ${o.path}: ${o.matches.map((m) => `${m.isrc ?? m.recordingId} (BER ${m.ber}, ${m.query.start}-${m.query.end} s)`).join(', ')}${o.verdict.reserved ? ' reserved' : ''}`,
                ),
              ...outcomes
                .filter((o) => !o.ok)
                .slice(0, 5)
                .map((o) => `  ${o.path}: ${o.error?.reason ?? ''}`),
              `  outcomes in ${opts.out}`,
            ].join('\n'),
          );
          return summary.reserved > 0 ? EXIT.NEGATIVE : EXIT.OK;
        });
      }),
    );
};
