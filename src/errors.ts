/**
 * Base of every error the library raises on purpose. `code` is a stable string literal that callers
 * (and `server/error-handler.ts`) switch on; `message` is for people.
 *
 * @example
 * throw new RegistryError('REGISTRY_NOT_FOUND', 'no recording with ISRC FRXXX2500001');
 */
export class AppError<C extends string = string> extends Error {
  readonly code: C;
  /** Extra machine-readable facts, e.g. `{ file, line, field }` for bad input. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: C, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details;
    this.name = new.target.name;
  }
}

export type ConfigErrorCode = 'CONFIG_INVALID';
export class ConfigError extends AppError<ConfigErrorCode> {}

export type DbErrorCode = 'DB_URL_INVALID' | 'DB_MIGRATION_FAILED' | 'DB_UNAVAILABLE';
export class DbError extends AppError<DbErrorCode> {}
