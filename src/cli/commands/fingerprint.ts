/**
 * `tdmr fingerprint FILE...` prints Chromaprint fingerprints as fpcalc does (fingerprint-files.ts);
 * `tdmr fingerprint enroll|identify` enrol the reference audio of reserved recordings (one file, or a
 * CSV of `isrc,path`) into the fingerprint index, and identify an audio file against it.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { FingerprintError } from '../../fingerprint/identify/errors.js';
import { maxSecondsFrom, thresholdsFrom, thresholdOptions, type ThresholdFlags } from './fingerprint-options.js';
import { fingerprintSource } from '../../fingerprint/sources.js';
import { fingerprintFiles, fingerprintFilesOptions, type FingerprintFilesOpts } from './fingerprint-files.js';
import type { EnrolLineOutcome, EnrolResult } from '../../fingerprint/identify/service.js';
import { itemsToSeconds } from '../../fingerprint/identify/model.js';
import { EXIT, action, configFrom, emit, withContext, type Io, type Register } from '../io.js';

interface EnrolOpts {
  isrc?: string;
  recording?: string;
  csv?: string;
  progress?: boolean;
}

const line = (r: EnrolResult): string =>
  `${r.isrc ?? r.recordingId}: ${r.items} items (${r.durationSeconds.toFixed(1)} s) ${r.replaced ? 'replaced the earlier fingerprint' : 'enrolled'}, sha256 ${r.rawSha256.slice(0, 16)}…`;

export const registerFingerprint: Register = (program, io, done) => {
  const fp = fingerprintFilesOptions(
    program
      .command('fingerprint')
      .description(
        "print files' Chromaprint fingerprints as fpcalc does; enrol reference audio of reserved recordings, identify audio against the index",
      ),
  )
    .addHelpText(
      'after',
      '\nWith files: the output of `fpcalc` for them (text, or one JSON object per line with --json), from the built-in Chromaprint core on ffmpeg.\nExit code: 0 every file fingerprinted, 2 bad usage or a file that cannot be fingerprinted (named on stderr; the others are still printed), 3 ffmpeg missing.\nExamples: tdmr fingerprint song.mp3\n          tdmr fingerprint --json --raw --length 0 a.flac b.m4a',
    )
    .action(
      action(io, done, (files: string[], opts: FingerprintFilesOpts, cmd: Command) =>
        fingerprintFiles(io, files, opts, cmd),
      ),
    );

  fp.command('enroll')
    .description(
      "fingerprint a recording's reference audio at full length and store it with the recording (replaces an earlier one; logged)",
    )
    .argument('[file]', 'the reference audio (with --isrc or --recording)')
    .option('--isrc <isrc>', 'the recording, by ISRC')
    .option('--recording <id>', 'the recording, by registry id')
    .option(
      '--csv <file>',
      'bulk: a CSV of isrc,path (header optional); every line is enrolled or reported with its line number',
    )
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addHelpText(
      'after',
      '\nExit code: 0 enrolled, 1 some CSV line not enrolled (each is reported), 2 bad usage, unknown recording or unreadable audio.\nExamples: tdmr fingerprint enroll --isrc FRZ032500001 masters/je-veux.flac\n          tdmr fingerprint enroll --csv masters.csv --json',
    )
    .action(
      action(io, done, async (file: string | undefined, opts: EnrolOpts, cmd: Command) => {
        const single = opts.isrc !== undefined || opts.recording !== undefined;
        if (
          single === (opts.csv !== undefined) ||
          (opts.isrc !== undefined && opts.recording !== undefined)
        ) {
          throw new FingerprintError(
            'FINGERPRINT_INVALID_OPTION',
            'give --isrc or --recording with a file, or --csv alone',
            { details: { field: 'csv' } },
          );
        }
        if (single && file === undefined)
          throw new FingerprintError('FINGERPRINT_INVALID_OPTION', 'name the reference audio file', {
            details: { field: 'file' },
          });
        if (!single && file !== undefined)
          throw new FingerprintError(
            'FINGERPRINT_INVALID_OPTION',
            '--csv takes its files from the CSV: no file argument',
            { details: { field: 'file' } },
          );
        return withContext(cmd, async (ctx) => {
          const service = ctx.services.fingerprint;
          if (single) {
            const by =
              opts.isrc !== undefined ? { isrc: opts.isrc } : { recordingId: opts.recording as string };
            const r = await service.enrollFile({ ...by, path: file as string });
            emit(io, cmd, r, () => line(r));
            return EXIT.OK;
          }
          const bar = bulkBar(io, io.isTty || opts.progress === true);
          let outcomes: EnrolLineOutcome[];
          try {
            outcomes = await service.enrollCsv(opts.csv as string, { onLine: () => bar.tick() });
          } finally {
            bar.stop();
          }
          const failed = outcomes.filter((o) => !o.ok);
          const result = {
            csv: opts.csv,
            enrolled: outcomes.length - failed.length,
            failed: failed.length,
            outcomes,
          };
          emit(io, cmd, result, () =>
            [
              `${opts.csv}: ${result.enrolled} enrolled, ${result.failed} not enrolled`,
              ...outcomes.map((o) =>
                o.ok
                  ? `  line ${o.line}: ${line(o)}`
                  : `  line ${o.line}: ${o.error.code} (${o.error.field}): ${o.error.reason}`,
              ),
            ].join('\n'),
          );
          return failed.length > 0 ? EXIT.NEGATIVE : EXIT.OK;
        });
      }),
    );

  thresholdOptions(
    fp
      .command('identify')
      .description(
        'fingerprint an audio file and list the enrolled recordings it contains (excerpts at any offset)',
      )
      .argument('<file>', 'the audio to identify')
      .option('--max-seconds <n>', 'fingerprint at most this much of the file (0: all of it)', '0')
      .option('--fpcalc', 'fingerprint with fpcalc instead of the built-in Chromaprint core (same items)'),
  )
    .addHelpText(
      'after',
      '\nExit code: 0 some recording matched, 1 none, 2 bad usage or unreadable audio.\nExample: tdmr fingerprint identify clip.mp3 --json',
    )
    .action(
      action(
        io,
        done,
        async (
          file: string,
          opts: ThresholdFlags & { maxSeconds: string; fpcalc?: boolean },
          cmd: Command,
        ) => {
          const thresholds = thresholdsFrom(opts);
          const maxSeconds = maxSecondsFrom(opts.maxSeconds);
          const kind = opts.fpcalc === true ? 'fpcalc' : configFrom(cmd).fingerprinter;
          const fpr = await fingerprintSource(kind).fingerprintFile(file, { maxSeconds });
          return withContext(cmd, async (ctx) => {
            const matches = await ctx.services.fingerprint.identify(fpr.raw, { thresholds });
            const result = {
              file,
              duration: fpr.duration,
              items: fpr.raw.length,
              seconds: itemsToSeconds(fpr.raw.length),
              thresholds,
              matches,
            };
            emit(io, cmd, result, () =>
              matches.length === 0
                ? `${file}: no enrolled recording matches`
                : [
                    `${file}:`,
                    ...matches.map(
                      (m) =>
                        `  ${m.isrc ?? m.recordingId} ${m.artist} – ${m.title}: BER ${m.ber}, score ${m.score}, query ${m.query.start}-${m.query.end} s = reference ${m.reference.start}-${m.reference.end} s`,
                    ),
                  ].join('\n'),
            );
            return matches.length > 0 ? EXIT.OK : EXIT.NEGATIVE;
          });
        },
      ),
    );
};

function bulkBar(io: Io, enabled: boolean): { tick: () => void; stop: () => void } {
  if (!enabled) return { tick: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'enrolling {value} lines',
      noTTYOutput: !io.isTty,
      notTTYSchedule: 500,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  let n = 0;
  return { tick: () => bar.update(++n), stop: () => bar.stop() };
}
