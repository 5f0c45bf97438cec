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
}

export const DEFAULT_DB_PATH = './data/reserve.db';

export type ConfigInput = Partial<Record<keyof Config, string | number | null | undefined>>;

export function toConfig(input: ConfigInput): Readonly<Config> {
  const port = input.port === undefined || input.port === null || input.port === '' ? 8080 : Number(input.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('CONFIG_INVALID', `port must be an integer from 0 to 65535, got ${String(input.port)}`);
  }
  const logLevel = String(input.logLevel ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('CONFIG_INVALID', `log level must be one of fatal, error, warn, info, debug, trace, silent; got ${logLevel}`);
  }
  const publicUrl = input.publicUrl ? String(input.publicUrl).replace(/\/+$/, '') : null;
  if (publicUrl !== null && !/^https?:\/\/[^\s]+$/.test(publicUrl)) {
    throw new ConfigError('CONFIG_INVALID', `public URL must be an http(s) URL, got ${publicUrl}`);
  }
  return Object.freeze({
    databaseUrl: String(input.databaseUrl || DEFAULT_DB_PATH),
    host: String(input.host || '127.0.0.1'),
    port,
    publicUrl,
    logLevel,
    issuer: String(input.issuer || 'Spedidam (demo)'),
  });
}
