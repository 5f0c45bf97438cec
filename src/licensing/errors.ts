import { AppError } from '../errors.js';

export type LicensingErrorCode =
  | 'LICENSING_BAD_AMOUNT'
  | 'LICENSING_BAD_WEIGHTS'
  | 'LICENSING_BAD_TARIFF'
  | 'LICENSING_BAD_USAGE'
  | 'LICENSING_CURRENCY_MISMATCH'
  | 'LICENSING_BAD_TRANSITION'
  | 'LICENSING_FORBIDDEN'
  | 'LICENSING_UNAUTHENTICATED'
  | 'LICENSING_NOT_FOUND'
  | 'LICENSING_CONFLICT';

export class LicensingError extends AppError<LicensingErrorCode> {}
