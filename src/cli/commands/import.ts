import { Option } from 'commander';
import cliProgress from 'cli-progress';
import { ImportError } from '../../registry/import/errors.js';
import { importFiles, type ImportProgress, type ImportResult } from '../../registry/import/import-file.js';
import { ENTITIES, FILE_TYPES, type FileType } from '../../registry/import/model.js';
import { EXIT, action, emit, withContext, type ExitCode, type Register } from '../io.js';

interface ImportOpts {
  type?: FileType;
  skipBadRows?: boolean;
  report?: string;
  progress?: boolean;
}

const MB = 1024 * 1024;

/** A progress bar by bytes read, on stderr: on a terminal, or anywhere with --progress (one line per tick). */
export function importProgressBar(
  enabled: boolean,
  tty: boolean,
): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'importing [{bar}] {percentage}% | {mb}/{totalMb} MB | {rows} rows | {rejected} rejected | {file}',
      noTTYOutput: !tty,
      notTTYSchedule: 200,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = {
        mb: (p.bytes / MB).toFixed(1),
        totalMb: (p.totalBytes / MB).toFixed(1),
        rows: p.rows,
        rejected: p.rejected,
        file: p.file,
      };
      if (!started) {
        bar.start(Math.max(1, p.totalBytes), p.bytes, payload);
        started = true;
      } else bar.update(p.bytes, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export function exitCodeOf(r: ImportResult): ExitCode {
  if (!r.committed) return EXIT.USAGE;
  if (r.rejected === 0) return EXIT.OK;
  return r.rows > r.rejected ? EXIT.NEGATIVE : EXIT.USAGE;
}

export function formatResult(r: ImportResult): string {
  const lines = [
    r.committed
      ? `imported ${r.files.length} file(s): ${r.rows} rows in ${(r.durationMs / 1000).toFixed(1)} s (${r.rowsPerSecond} rows/s), ${r.rejected} rejected`
      : `nothing imported: ${r.error?.message ?? 'failed'}`,
  ];
  if (r.committed) {
    for (const e of ENTITIES) {
      const c = r.counts[e];
      if (c.inserted + c.updated + c.unchanged + c.rejected > 0) {
        lines.push(
          `  ${e}: ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`,
        );
      }
    }
  }
  if (r.errors.length > 0) {
    lines.push(r.rejected > r.errors.length ? `first ${r.errors.length} errors:` : 'errors:');
    for (const e of r.errors)
      lines.push(`  ${e.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.reason}`);
  }
  if (r.report !== null) lines.push(`rejected rows written to ${r.report}`);
  return lines.join('\n');
}

export const registerImport: Register = (program, io, done) => {
  program
    .command('import')
    .description(
      'import performers, mandates, recordings and line-ups from CSV files (docs/import-csv.md) or DDEX ERN 4.3 messages, atomically',
    )
    .argument('<file...>', 'CSV or DDEX XML files, imported in one transaction (in dependency order)')
    .addOption(
      new Option(
        '--type <type>',
        'format of every file (default: detected from the header, or XML for DDEX)',
      ).choices([...FILE_TYPES]),
    )
    .option(
      '--skip-bad-rows',
      'import the good rows and write the bad ones to the report (default: any bad row imports nothing)',
    )
    .option(
      '--report <file>',
      'rejection report (CSV: line,field,reason,raw,file); required with --skip-bad-rows',
    )
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addHelpText(
      'after',
      '\nExit code: 0 imported; 1 imported, some rows rejected (with --skip-bad-rows); 2 bad input, nothing imported.\n' +
        'Example: tdmr import performers.csv recordings.csv lineups.csv --skip-bad-rows --report rejected.csv',
    )
    .action(
      action(io, done, async (files: string[], opts: ImportOpts, cmd) => {
        if (opts.skipBadRows && opts.report === undefined) {
          throw new ImportError(
            'IMPORT_BAD_OPTIONS',
            '--skip-bad-rows needs --report FILE for the rejected rows',
          );
        }
        const bar = importProgressBar(io.isTty || opts.progress === true, io.isTty);
        const abort = new AbortController();
        const onSignal = () => abort.abort(new Error('interrupted'));
        process.once('SIGINT', onSignal);
        try {
          return await withContext(cmd, async (ctx) => {
            const result = await importFiles(ctx, files, {
              type: opts.type,
              skipBadRows: opts.skipBadRows,
              report: opts.report,
              signal: abort.signal,
              onProgress: bar.update,
            });
            bar.stop();
            emit(io, cmd, result, () => formatResult(result));
            return exitCodeOf(result);
          });
        } finally {
          bar.stop();
          process.off('SIGINT', onSignal);
        }
      }),
    );
};
