/**
 * `tdmr`: the command-line entry point. Each command lives in `commands/<name>.ts` and returns an exit
 * code; this file is the only place that sets `process.exitCode`.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, fail, processIo, type ExitCode, type Io, type Register } from './io.js';
import { registerAccount } from './commands/account.js';
import { registerCheck } from './commands/check.js';
import { registerDemoGenerate } from './commands/demo-generate.js';
import { registerDemoSeed } from './commands/demo-seed.js';
import { registerDistribute } from './commands/distribute.js';
import { registerFingerprint } from './commands/fingerprint.js';
import { registerIdCheck } from './commands/id-check.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLedger } from './commands/ledger.js';
import { registerLicence } from './commands/licence.js';
import { registerPerformerShow } from './commands/performer-show.js';
import { registerPublish } from './commands/publish.js';
import { registerRecordingShow } from './commands/recording-show.js';
import { registerStamp } from './commands/stamp.js';
import { registerRobotsTest } from './commands/robots-test.js';
import { registerScan } from './commands/scan.js';
import { registerServe } from './commands/serve.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerCheckManifest } from './commands/check-manifest.js';
import { registerStatus } from './commands/status.js';
import { registerTdmrepTest } from './commands/tdmrep-test.js';
import { registerVerifyProof } from './commands/verify-proof.js';

const COMMANDS: Register[] = [
  registerInit,
  registerIdCheck,
  registerStatus,
  registerPerformerShow,
  registerRecordingShow,
  registerImport,
  registerDemoGenerate,
  registerDemoSeed,
  registerServe,
  registerPublish,
  registerStamp,
  registerLedger,
  registerLicence,
  registerDistribute,
  registerVerifyProof,
  registerRobotsTest,
  registerTdmrepTest,
  registerCheck,
  registerSnapshot,
  registerCheckManifest,
  registerFingerprint,
  registerScan,
  registerAccount,
];

export function buildProgram(io: Io, done: (code: ExitCode) => void): Command {
  const program = new Command('tdmr')
    .description('TDM Reserve: the TDM rights reservation registry of a performers’ collective management organisation')
    .option('--db <url>', 'database: a file path, sqlite:PATH or postgres://… (default: $DATABASE_URL, else ./data/reserve.db)')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of COMMANDS) register(program, io, done);
  return program;
}

/** Runs the CLI and resolves with its exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    return fail(io, argv.includes('--json'), e);
  }
}

