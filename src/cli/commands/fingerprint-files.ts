/**
 * `tdmr fingerprint FILE...`: what `fpcalc` prints for the same files, from the TypeScript core, so
 * AcoustID tooling can use either. Text (`DURATION=`, `FINGERPRINT=`) or, with --json, one JSON object
 * per line per file as `fpcalc -json` prints them; --raw gives the integers, --signed as int32.
 * Unlike fpcalc 1.5.1, which stops at the first file it cannot read, every file is tried; failures go to
 * stderr and set the exit code.
 */
import type { Command } from 'commander';
import { FingerprintError } from '../../fingerprint/errors.js';
import { fingerprintFile } from '../../fingerprint/fingerprint-file.js';
import { fpcalcOutput } from '../../fingerprint/fpcalc-format.js';
import { isccAudioCode } from '../../fingerprint/iscc-audio.js';
import { EXIT, globals, type ExitCode, type Io } from '../io.js';

export interface FingerprintFilesOpts {
  raw?: boolean;
  signed?: boolean;
  length: string;
  iscc?: boolean;
  isccBits: string;
}

export function fingerprintFilesOptions(cmd: Command): Command {
  return cmd
    .argument('[files...]', 'audio or video files, any format ffmpeg reads')
    .option('--raw', 'print the raw 32-bit items instead of the compressed fingerprint (fpcalc -raw)')
    .option('--signed', 'with --raw, print the items as signed int32 (fpcalc -signed, for pg_acoustid)')
    .option(
      '--length <seconds>',
      'fingerprint at most this much audio; 0 = the whole file (fpcalc -length)',
      '120',
    )
    .option(
      '--iscc',
      'add the ISCC Audio-Code of the fingerprinted items (use --length 0 for the whole-file code)',
    )
    .option('--iscc-bits <n>', 'length of the ISCC Audio-Code in bits: 32, 64, … 256', '64');
}

export async function fingerprintFiles(
  io: Io,
  files: string[],
  opts: FingerprintFilesOpts,
  cmd: Command,
): Promise<ExitCode> {
  if (files.length === 0) {
    io.err(cmd.helpInformation());
    throw new FingerprintError('FINGERPRINT_INVALID_OPTION', 'name at least one audio file', {
      details: { field: 'files' },
    });
  }
  const length = Number(opts.length);
  if (opts.length.trim() === '' || !Number.isFinite(length) || length < 0)
    throw new FingerprintError(
      'FINGERPRINT_INVALID_OPTION',
      `--length must be a number of seconds >= 0, got ${opts.length}`,
      {
        details: { field: 'length' },
      },
    );
  const bits = Number(opts.isccBits);
  if (opts.iscc) isccAudioCode(new Uint32Array(0), { bits }); // validates --iscc-bits before any work
  const json = globals(cmd).json === true;
  let worst: ExitCode = EXIT.OK;
  for (const file of files) {
    try {
      const r = await fingerprintFile(file, { length, exactDuration: true });
      const iscc = opts.iscc ? isccAudioCode(r.raw, { bits }) : undefined;
      io.out(
        fpcalcOutput(r.duration, r.raw, {
          json,
          ...(opts.raw ? { raw: true } : {}),
          ...(opts.signed ? { signed: true } : {}),
          ...(iscc !== undefined ? { iscc } : {}),
        }),
      );
    } catch (e) {
      if (!(e instanceof FingerprintError)) throw e;
      io.err(`error: ${e.code}: ${e.message}`);
      const code = e.code === 'FINGERPRINT_TOOL_FAILED' ? EXIT.FAILURE : EXIT.USAGE;
      if (code > worst) worst = code;
      if (e.code === 'FINGERPRINT_TOOL_FAILED') break;
    }
  }
  return worst;
}
