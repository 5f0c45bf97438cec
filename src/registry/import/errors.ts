import { AppError } from '../../errors.js';

/**
 * Errors of the import pipeline. Bad rows are not errors: they come back as rejections in the result;
 * these codes name what stops a whole run.
 */
export type ImportErrorCode =
  | 'IMPORT_BAD_FILE'
  | 'IMPORT_BAD_HEADER'
  | 'IMPORT_BAD_XML'
  | 'IMPORT_BAD_ROWS'
  | 'IMPORT_BAD_OPTIONS'
  | 'IMPORT_ABORTED';

export class ImportError extends AppError<ImportErrorCode> {}

/** An error of a whole file: the message reads `file:line: reason`; details keep each part. */
export function fileError(
  code: 'IMPORT_BAD_FILE' | 'IMPORT_BAD_HEADER' | 'IMPORT_BAD_XML',
  file: string,
  line: number | null,
  reason: string,
  extra: { cause?: unknown; path?: string; problems?: string[] } = {},
): ImportError {
  const { cause, ...rest } = extra;
  return new ImportError(code, `${file}${line === null ? '' : `:${line}`}: ${reason}`, {
    cause,
    details: { file, ...(line === null ? {} : { line }), reason, ...rest },
  });
}
