import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import cliProgress from 'cli-progress';
import { CheckerError } from '../../checker/errors.js';
import { checkManifest, type RowMatcher } from '../../checker/manifest-check.js';
import { availableParallelism } from 'node:os';
import { runFastCsv, runFastJsonl, workersFor, type FastOptions } from '../../checker/manifest-fast-run.js';
import { runFastParquet } from '../../checker/manifest-parquet-run.js';
import { SnapshotMatcher } from '../../checker/manifest-match.js';
import { ServiceMatcher } from '../../checker/manifest-online.js';
import { fileSink, outputFormat, type OutcomeSink } from '../../checker/manifest-output.js';
import { checkReadable, manifestFormat, type ManifestFormat } from '../../checker/manifest-read.js';
import { renderReport } from '../../checker/manifest-report.js';
import type { ManifestSummary } from '../../checker/manifest-summary.js';
import { verifySnapshot, type VerifiedSnapshot } from '../../snapshot/verify.js';
import { EXIT, action, emit, type Io, type Register } from '../io.js';
import { readSnapshotFile } from '../../snapshot/read-file.js';
import { keyOption } from './snapshot.js';

interface Opts {
  snapshot?: string;
  key?: string;
  service?: string;
  threshold: string;
  out?: string;
  report?: string;
  format?: ManifestFormat;
  workers: string;
  at?: string;
  territory?: string;
  apiKey?: string;
  progress?: boolean;
}

function progressBar(
  io: Io,
  enabled: boolean,
  total: number,
): { add: (n: number) => void; stop: () => void } {
  if (!enabled) return { add: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'checking [{bar}] {percentage}% | {value}/{total} MB',
      noTTYOutput: !io.isTty,
      notTTYSchedule: 500,
    },
    cliProgress.Presets.shades_classic,
  );
  const MB = 1024 * 1024;
  let bytes = 0;
  bar.start(Math.max(1, Math.round(total / MB)), 0);
  return { add: (n) => bar.update(Math.round((bytes += n) / MB)), stop: () => bar.stop() };
}

function number(v: string, flag: string, min: number, max: number, integer = false): number {
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new CheckerError(
      'CHECK_INVALID_OPTION',
      `${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${v}`,
      { details: { field: flag.slice(2) } },
    );
  }
  return n;
}

/** The offline run of each format on the worker pool, and how the summary names it (`path`). */
const OFFLINE_RUNS = {
  csv: { run: runFastCsv, path: 'fast-csv' },
  jsonl: { run: runFastJsonl, path: 'parallel-jsonl' },
  parquet: { run: runFastParquet, path: 'parallel-parquet' },
} as const satisfies Record<ManifestFormat, { run: (file: string, o: FastOptions) => Promise<ManifestSummary | null>; path: string }>;

export const registerCheckManifest: Register = (program, io, done) => {
  program
    .command('check-manifest')
    .description(
      'check every row of a dataset manifest (CSV, JSONL, Parquet) against a signed registry snapshot (offline) or the service (online)',
    )
    .argument('<file>', 'the manifest: columns isrc, artist, title, url, path (any case; others are ignored)')
    .option(
      '--snapshot <file>',
      'a registry snapshot (`tdmr snapshot export`): the dataset never leaves this machine',
    )
    .option(
      '--key <key>',
      "the log's verifier key (or a file holding it), checked against the snapshot's signature and checkpoint",
    )
    .option('--service <url>', 'ask the service instead (POST /v1/check, 10,000 ISRCs per request)')
    .option('--threshold <0..1>', 'least artist + title similarity for a fuzzy match', '0.85')
    .option('--out <file>', 'one outcome per row: .jsonl or .csv')
    .option('--report <file>', 'a self-contained HTML report with charts')
    .addOption(
      new Option('--format <format>', 'the manifest format (default: from the file name)').choices([
        'csv',
        'jsonl',
        'parquet',
      ]),
    )
    .option(
      '--workers <n>',
      'worker threads for plain CSV: a number (0: on the main thread) or auto (one per core for files of 16 MB or more)',
      'auto',
    )
    .option('--at <date>', 'with --service: the instant to answer for (default now)')
    .option('--territory <code>', 'with --service: ISO 3166-1 alpha-2 territory')
    .option(
      '--api-key <key>',
      'with --service: your API key (tdmr_...); uses your licences cover are answered licensed',
    )
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addHelpText(
      'after',
      '\nExit code: 0 no row reserved, 1 some row reserved for some use, 2 bad usage or input (an unreadable row is an outcome, not a failure).\n' +
        'Example: tdmr check-manifest dataset.csv --snapshot registry.tdms --key "$(cat log.pub)" --out outcomes.jsonl --report report.html',
    )
    .action(
      action(io, done, async (file: string, opts: Opts, cmd) => {
        const threshold = number(opts.threshold, '--threshold', 0, 1);
        const workersOpt = opts.workers === 'auto' ? 'auto' : number(opts.workers, '--workers', 0, 64, true);
        if ((opts.snapshot === undefined) === (opts.service === undefined)) {
          throw new CheckerError(
            'CHECK_INVALID_OPTION',
            'give exactly one of --snapshot (offline) and --service (online)',
            { details: { field: 'snapshot' } },
          );
        }
        if (opts.snapshot !== undefined && opts.key === undefined) {
          throw new CheckerError(
            'CHECK_INVALID_OPTION',
            '--snapshot needs --key: a snapshot is used only once its signature is checked',
            { details: { field: 'key' } },
          );
        }
        if (opts.out !== undefined) outputFormat(opts.out);
        const format = opts.format ?? manifestFormat(file);
        const size = checkReadable(file);
        const workers = workersFor(size, workersOpt, availableParallelism());
        let verified: VerifiedSnapshot | null = null;
        let snapshotBytes: Uint8Array | null = null;
        let matcher: RowMatcher;
        let at: string;
        let source: string;
        if (opts.snapshot !== undefined) {
          snapshotBytes = readSnapshotFile(opts.snapshot);
          verified = verifySnapshot(snapshotBytes, keyOption(opts.key as string));
          matcher = new SnapshotMatcher(verified.view, { threshold });
          at = verified.view.at;
          source = `snapshot ${opts.snapshot} (log ${verified.checkpoint.origin}, size ${verified.checkpoint.size}, signed by ${verified.keyName})`;
        } else {
          const when = opts.at === undefined ? new Date() : new Date(opts.at);
          if (Number.isNaN(when.getTime()))
            throw new CheckerError('CHECK_INVALID_OPTION', `--at is not an ISO-8601 date: ${opts.at}`, {
              details: { field: 'at' },
            });
          at = when.toISOString();
          matcher = new ServiceMatcher({
            url: opts.service as string,
            at,
            ...(opts.territory ? { territory: opts.territory } : {}),
            ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
          });
          source = `service ${opts.service}`;
        }
        const bar = progressBar(io, io.isTty || opts.progress === true, size);
        const started = performance.now();
        let sink: OutcomeSink | undefined;
        let summary: ManifestSummary;
        let path: (typeof OFFLINE_RUNS)[ManifestFormat]['path'] | 'general' = 'general';
        try {
          sink = opts.out === undefined ? undefined : await fileSink(opts.out);
          const fastOpts =
            verified !== null && snapshotBytes !== null
              ? {
                  snapshotBytes,
                  view: verified.view,
                  threshold,
                  workers,
                  sink,
                  outputFormat: opts.out ? outputFormat(opts.out) : undefined,
                  onBytes: bar.add,
                }
              : null;
          // Offline, every format runs on the worker pool; a CSV whose header is quoted takes the general path.
          const offline = OFFLINE_RUNS[format];
          const fast = fastOpts === null ? null : await offline.run(file, fastOpts);
          if (fast !== null) {
            summary = fast;
            path = offline.path;
          } else {
            summary = await checkManifest(file, {
              matcher,
              format,
              ...(sink ? { sink } : {}),
              onBytes: bar.add,
            });
          }
        } finally {
          bar.stop();
          await sink?.close();
        }
        const seconds = (performance.now() - started) / 1000;
        if (opts.report !== undefined) {
          try {
            writeFileSync(
              opts.report,
              renderReport(summary, {
                manifest: file,
                source,
                at,
                threshold,
                generatedAt: new Date().toISOString(),
              }),
            );
          } catch (cause) {
            throw new CheckerError(
              'CHECK_INVALID_OPTION',
              `cannot write ${opts.report}: ${(cause as Error).message}`,
              { cause, details: { field: 'report' } },
            );
          }
        }
        const result = {
          manifest: file,
          source,
          at,
          threshold,
          path,
          seconds: Math.round(seconds * 1000) / 1000,
          rowsPerSecond: Math.round(summary.rows / Math.max(seconds, 1e-6)),
          ...summary,
        };
        emit(io, cmd, result, () =>
          [
            `${file}: ${summary.rows} rows, ${summary.reserved} reserved for some use (${(summary.shareReserved * 100).toFixed(1)}%), ${summary.errors} unreadable`,
            `  by method: ${Object.entries(summary.byMethod)
              .map(([m, n]) => `${m} ${n}`)
              .join(', ')}`,
            `  answers from ${source}, at ${at}`,
            ...summary.firstErrors.slice(0, 5).map((e) => `  line ${e.line}, ${e.field}: ${e.reason}`),
          ].join('\n'),
        );
        return summary.reserved > 0 ? EXIT.NEGATIVE : EXIT.OK;
      }),
    );
};
