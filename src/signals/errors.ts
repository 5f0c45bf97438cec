import { AppError } from '../errors.js';

export type SignalsErrorCode =
  | 'SIGNALS_NOT_PUBLISHED'
  | 'SIGNALS_BAD_SITE'
  | 'SIGNALS_BAD_CRAWLER_LIST'
  | 'SIGNALS_STAMP_UNSUPPORTED'
  | 'SIGNALS_STAMP_FAILED';

export class SignalsError extends AppError<SignalsErrorCode> {}
