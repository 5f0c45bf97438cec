/**
 * The only place that maps error codes to HTTP statuses. Every error leaves the service as one stable
 * body, `{ statusCode, code, message }`: coded errors of the capabilities, Fastify's own errors
 * (validation, body too large, malformed JSON, unknown route) and unexpected failures alike.
 */
import type { AccountsErrorCode } from '../accounts/errors.js';
import type { WebErrorCode } from '../web/errors.js';
import type { LedgerErrorCode } from '../ledger/errors.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ConfigErrorCode, type DbErrorCode } from '../errors.js';
import type { LicensingErrorCode } from '../licensing/errors.js';
import type { FingerprintErrorCode } from '../fingerprint/identify/errors.js';
import type { RegistryErrorCode } from '../registry/errors.js';
import type { SignalsErrorCode } from '../signals/errors.js';
import { HttpError, type HttpErrorCode } from './errors.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

// Typed tables: adding a code to a union without a status here fails the type check.
const REGISTRY: Record<RegistryErrorCode, number> = {
  REGISTRY_NOT_FOUND: 404,
  REGISTRY_INVALID_ID: 400,
  REGISTRY_INVALID_INPUT: 400,
  REGISTRY_CONFLICT: 409,
  REGISTRY_TOO_MANY_ITEMS: 413,
};
const HTTP: Record<HttpErrorCode, number> = {
  HTTP_NOT_FOUND: 404,
  HTTP_VALIDATION: 400,
  HTTP_BAD_REQUEST: 400,
  HTTP_BODY_TOO_LARGE: 413,
  HTTP_UNSUPPORTED_MEDIA_TYPE: 415,
  HTTP_UNAVAILABLE: 503,
  HTTP_INTERNAL: 500,
};
const PLATFORM: Record<ConfigErrorCode | DbErrorCode, number> = {
  CONFIG_INVALID: 500,
  DB_URL_INVALID: 500,
  DB_MIGRATION_FAILED: 500,
  DB_UNAVAILABLE: 503,
};
const LEDGER: Record<LedgerErrorCode, number> = {
  LEDGER_OUT_OF_RANGE: 500,
  LEDGER_BAD_HASH: 500,
  LEDGER_NODE_MISSING: 500,
  LEDGER_NOT_JSON: 400,
  LEDGER_NOTE_MALFORMED: 500,
  LEDGER_CHECKPOINT_MALFORMED: 500,
  LEDGER_KEY_MALFORMED: 500,
  LEDGER_ENTRY_INVALID: 400,
  LEDGER_RANGE_INVALID: 400,
  LEDGER_RECORDING_NOT_FOUND: 404,
  LEDGER_RESERVATION_NOT_FOUND: 404,
  LEDGER_KEY_MISSING: 500,
  LEDGER_STATE_CORRUPT: 500,
};
const SIGNALS: Record<SignalsErrorCode, number> = {
  SIGNALS_NOT_PUBLISHED: 404,
  SIGNALS_BAD_SITE: 500,
  SIGNALS_BAD_CRAWLER_LIST: 500,
  SIGNALS_BAD_MEDIA: 400,
  SIGNALS_STAMP_FAILED: 500,
  SIGNALS_FILE_NOT_FOUND: 404,
};
const LICENSING: Record<LicensingErrorCode, number> = {
  LICENSING_BAD_AMOUNT: 400,
  LICENSING_BAD_WEIGHTS: 400,
  LICENSING_BAD_TARIFF: 400,
  LICENSING_BAD_USAGE: 400,
  LICENSING_CURRENCY_MISMATCH: 400,
  LICENSING_BAD_TRANSITION: 409,
  LICENSING_FORBIDDEN: 403,
  LICENSING_UNAUTHENTICATED: 401,
  LICENSING_NOT_FOUND: 404,
  LICENSING_CONFLICT: 409,
};
const FINGERPRINT: Record<FingerprintErrorCode, number> = {
  FINGERPRINT_NOT_FOUND: 404,
  FINGERPRINT_BAD_AUDIO: 400,
  FINGERPRINT_BAD_FILE: 400,
  FINGERPRINT_BAD_CSV: 400,
  FINGERPRINT_BAD_INPUT: 400,
  FINGERPRINT_BAD_FINGERPRINT: 400,
  FINGERPRINT_INVALID_OPTION: 400,
  FINGERPRINT_BAD_STATE: 409,
  FINGERPRINT_TOOL_FAILED: 500,
};
const ACCOUNTS: Record<AccountsErrorCode, number> = {
  ACCOUNTS_BAD_CREDENTIALS: 401,
  ACCOUNTS_BAD_PASSWORD: 400,
  ACCOUNTS_NOT_FOUND: 404,
  ACCOUNTS_BAD_INPUT: 400,
};
const WEB: Record<WebErrorCode, number> = {
  WEB_LOGIN_REQUIRED: 401,
  WEB_FORBIDDEN: 403,
  WEB_NOT_FOUND: 404,
  WEB_BAD_FORM: 400,
};
const STATUS: Record<string, number> = { ...REGISTRY, ...HTTP, ...PLATFORM, ...LEDGER, ...SIGNALS, ...LICENSING, ...ACCOUNTS, ...WEB, ...FINGERPRINT };

/** HTTP status for a coded error. Codes of capabilities not listed above follow their name. */
export function statusForCode(code: string): number {
  const known = STATUS[code];
  if (known !== undefined) return known;
  if (/_NOT_FOUND$/.test(code)) return 404;
  if (/_CONFLICT$/.test(code)) return 409;
  if (/_(INVALID|BAD|TOO_MANY)(_|$)/.test(code)) return 400;
  return 500;
}

/** Fastify's own error codes, as ours. */
function fromFastify(e: FastifyError): HttpError {
  if (e.validation !== undefined || e.code === 'FST_ERR_VALIDATION')
    return new HttpError('HTTP_VALIDATION', e.message);
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('HTTP_BODY_TOO_LARGE', 'request body is larger than this route accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('HTTP_UNSUPPORTED_MEDIA_TYPE', e.message);
    case 'FST_ERR_NOT_FOUND':
      return new HttpError('HTTP_NOT_FOUND', e.message);
  }
  const status = e.statusCode ?? 500;
  if (status === 404) return new HttpError('HTTP_NOT_FOUND', e.message);
  if (status === 413) return new HttpError('HTTP_BODY_TOO_LARGE', e.message);
  if (status === 415) return new HttpError('HTTP_UNSUPPORTED_MEDIA_TYPE', e.message);
  if (status >= 400 && status < 500) return new HttpError('HTTP_BAD_REQUEST', e.message);
  return new HttpError('HTTP_INTERNAL', 'internal error', { cause: e });
}

/** The body (and status) an error leaves the service with. Unexpected errors do not leak their message. */
export function errorBody(err: unknown): ErrorBody {
  const e: AppError<string> =
    err instanceof AppError
      ? (err as AppError<string>)
      : isFastifyError(err)
        ? fromFastify(err)
        : new HttpError('HTTP_INTERNAL', 'internal error', { cause: err });
  const statusCode = statusForCode(e.code);
  const message = e.code === 'HTTP_INTERNAL' ? 'internal error' : e.message;
  return { statusCode, code: e.code, message };
}

function isFastifyError(e: unknown): e is FastifyError {
  return e instanceof Error && typeof (e as Partial<FastifyError>).code === 'string';
}

export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const body = errorBody(err);
  if (body.statusCode >= 500) reply.log.error({ err }, 'request failed');
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

/**
 * Installs the error handler and the not-found handler on an app, and answers requests that arrive
 * while it closes with a 503 in the same body (Fastify's own 503 has another shape: create the app
 * with `return503OnClosing: false`).
 */
export function installErrorHandling(app: FastifyInstance): { closing(): boolean } {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (_request, _reply, done) => {
    if (closing) done(new HttpError('HTTP_UNAVAILABLE', 'the service is shutting down; retry'));
    else done();
  });
  app.setErrorHandler((err, _request, reply) => sendError(reply, err));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      reply,
      new HttpError('HTTP_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
    ),
  );
  return { closing: () => closing };
}

/** For `fastify({ frameworkErrors })`: errors raised before routing (a malformed URL) get the same body. */
export function frameworkErrorHandler(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(reply, err);
}
