import { AppError } from '../errors.js';

export type WebErrorCode = 'WEB_LOGIN_REQUIRED' | 'WEB_FORBIDDEN' | 'WEB_NOT_FOUND' | 'WEB_BAD_FORM';

/** Errors of the web pages: rendered as a page (or a redirect to the login form), never as JSON. */
export class WebError extends AppError<WebErrorCode> {}
