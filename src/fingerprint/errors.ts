import { AppError } from '../errors.js';

/** Every code the fingerprint capability raises; docs/errors.md says what each means and what to do. */
export type FingerprintErrorCode =
  | 'FINGERPRINT_NOT_FOUND'
  | 'FINGERPRINT_BAD_AUDIO'
  | 'FINGERPRINT_BAD_FILE'
  | 'FINGERPRINT_BAD_CSV'
  | 'FINGERPRINT_BAD_INPUT'
  | 'FINGERPRINT_BAD_FINGERPRINT'
  | 'FINGERPRINT_INVALID_OPTION'
  | 'FINGERPRINT_BAD_STATE'
  | 'FINGERPRINT_TOOL_FAILED';

export class FingerprintError extends AppError<FingerprintErrorCode> {}
