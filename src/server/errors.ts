import { AppError } from '../errors.js';

/** Errors of the HTTP edge itself (the request, not the registry, is at fault). See docs/errors.md. */
export type HttpErrorCode =
  | 'HTTP_NOT_FOUND'
  | 'HTTP_VALIDATION'
  | 'HTTP_BAD_REQUEST'
  | 'HTTP_BODY_TOO_LARGE'
  | 'HTTP_UNSUPPORTED_MEDIA_TYPE'
  | 'HTTP_UNAVAILABLE'
  | 'HTTP_INTERNAL';

export class HttpError extends AppError<HttpErrorCode> {}
