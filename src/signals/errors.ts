import { AppError } from '../errors.js';

export type SignalsErrorCode =
  | 'SIGNALS_NOT_PUBLISHED'
  | 'SIGNALS_BAD_SITE'
  | 'SIGNALS_BAD_CRAWLER_LIST'
  | 'SIGNALS_BAD_MEDIA'
  | 'SIGNALS_STAMP_FAILED'
  | 'SIGNALS_FILE_NOT_FOUND';

export class SignalsError extends AppError<SignalsErrorCode> {}
