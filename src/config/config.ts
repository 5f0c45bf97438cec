/**
 * Configuration: pure defaults and validation. `env.ts` reads the environment; CLI flags build the same
 * object. The result is frozen so nothing changes it behind the composition root's back.
 */
import { ConfigError } from '../errors.js';

export interface Config {
  /** `sqlite:PATH`, a file path, or `postgres://...`. */
  databaseUrl: string;
  host: string;
  port: number;
  /** Public base URL of the service, used in links it emits. */
  publicUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Name of the collective management organisation that issues the declaration. */
  issuer: string;
  /** Address for licence requests, named in the published policy and licence documents; null: none. */
  contactEmail: string | null;
  /** Page explaining how to obtain a licence; null: `<publicUrl>/licensing`. */
  licensingUrl: string | null;
  /** File holding the transparency log's Ed25519 signer key (created by `tdmr init`, mode 0600). */
  logKeyFile: string;
  /** The log's origin line in checkpoints, and the name of its key (e.g. `tdm-reserve.example.org/log`). */
  logOrigin: string;
  /** The service signs a checkpoint at most this often when the log has grown (seconds). */
  logCheckpointSeconds: number;
  /** Worker threads answering batch checks on an SQLite file (0: answered on the main thread). */
  checkWorkers: number;
  /** Room for the lookup answers the service keeps while they hold, in MiB (0: none kept). */
  answerCacheMb: number;
  /** What fingerprints audio for enrolment, identification and scans: the TypeScript core on ffmpeg, or `fpcalc`. */
  fingerprinter: 'chromaprint' | 'fpcalc';
}

export const DEFAULT_DB_PATH = './data/reserve.db';
export const DEFAULT_LOG_KEY_FILE = './data/log-signer.key';
export const DEFAULT_LOG_ORIGIN = 'tdm-reserve.local/log';

export type ConfigInput = Partial<Record<keyof Config, string | number | null | undefined>>;

/** A whole-number setting: `dflt` when unset or empty, else an integer from `min` to `max`. */
function integer(value: string | number | null | undefined, dflt: number, min: number, max: number, what: string): number {
  const n = value === undefined || value === null || value === '' ? dflt : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError('CONFIG_INVALID', `${what} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return n;
}

export function toConfig(input: ConfigInput): Readonly<Config> {
  const port = integer(input.port, 8080, 0, 65535, 'port');
  const logLevel = String(input.logLevel ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('CONFIG_INVALID', `log level must be one of fatal, error, warn, info, debug, trace, silent; got ${logLevel}`);
  }
  const publicUrl = input.publicUrl ? String(input.publicUrl).replace(/\/+$/, '') : null;
  if (publicUrl !== null && !/^https?:\/\/[^\s]+$/.test(publicUrl)) {
    throw new ConfigError('CONFIG_INVALID', `public URL must be an http(s) URL, got ${publicUrl}`);
  }
  const logOrigin = String(input.logOrigin || DEFAULT_LOG_ORIGIN);
  // A signed-note key name: no spaces, no '+', no control characters (it is also the checkpoint's first line).
  if (!/^[^\s+\p{Cc}]+$/u.test(logOrigin)) {
    throw new ConfigError('CONFIG_INVALID', `log origin must be one word without spaces or '+', got ${JSON.stringify(logOrigin)}`);
  }
  const logCheckpointSeconds =
    input.logCheckpointSeconds === undefined || input.logCheckpointSeconds === null || input.logCheckpointSeconds === '' ? 60 : Number(input.logCheckpointSeconds);
  if (!Number.isFinite(logCheckpointSeconds) || logCheckpointSeconds < 1) {
    throw new ConfigError('CONFIG_INVALID', `log checkpoint interval must be at least 1 second, got ${String(input.logCheckpointSeconds)}`);
  }
  const checkWorkers = integer(input.checkWorkers, 2, 0, 64, 'check workers');
  const answerCacheMb = integer(input.answerCacheMb, 256, 0, 65536, 'answer cache (MiB)');
  const fingerprinter = String(input.fingerprinter || 'chromaprint');
  if (fingerprinter !== 'chromaprint' && fingerprinter !== 'fpcalc') {
    throw new ConfigError('CONFIG_INVALID', `fingerprinter must be chromaprint or fpcalc, got ${fingerprinter}`);
  }
  return Object.freeze({
    databaseUrl: String(input.databaseUrl || DEFAULT_DB_PATH),
    host: String(input.host || '127.0.0.1'),
    port,
    publicUrl,
    logLevel,
    issuer: String(input.issuer || 'Spedidam (demo)'),
    contactEmail: input.contactEmail ? String(input.contactEmail) : null,
    licensingUrl: input.licensingUrl ? String(input.licensingUrl) : null,
    logKeyFile: String(input.logKeyFile || DEFAULT_LOG_KEY_FILE),
    logOrigin,
    logCheckpointSeconds,
    checkWorkers,
    answerCacheMb,
    fingerprinter,
  });
}
