/**
 * The registry's import pipeline: CSV files (docs/import-csv.md) and DDEX ERN 4.3 messages, in one transaction.
 *
 * @example
 * import { importFiles } from './registry/import/index.js';
 * const result = await importFiles(ctx, ['performers.csv', 'recordings.csv'], { skipBadRows: true, report: 'rejected.csv' });
 */
export { importFile, importFiles } from './import-file.js';
export type { ImportOptions, ImportProgress, ImportResult } from './import-file.js';
export { ImportError } from './errors.js';
export type { ImportErrorCode } from './errors.js';
export { ENTITIES, FILE_TYPES } from './model.js';
export type { Counts, Entity, EntityCounts, FileType, Rejection } from './model.js';
