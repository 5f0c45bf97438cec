import { AppError } from '../errors.js';

export type CheckerErrorCode =
  | 'CHECK_BAD_FILE'
  | 'CHECK_INVALID_AGENT'
  | 'CHECK_INVALID_URL'
  | 'CHECK_INVALID_OPTION'
  | 'CHECK_BAD_MANIFEST'
  | 'CHECK_SERVICE_FAILED'
  | 'CHECK_RESERVED';

export class CheckerError extends AppError<CheckerErrorCode> {}
