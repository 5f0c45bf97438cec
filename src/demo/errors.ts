import { AppError } from '../errors.js';

export type DemoErrorCode =
  'DEMO_INVALID_OPTIONS' | 'DEMO_OUTPUT_FAILED' | 'DEMO_ABORTED' | 'DEMO_ISRC_SPACE_EXHAUSTED';

/** Errors of the demo data generator; codes are listed in docs/errors.md. */
export class DemoError extends AppError<DemoErrorCode> {}
