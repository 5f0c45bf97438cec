import { AppError } from '../errors.js';

/**
 * Codes raised by the ledger. Verifiers of hostile proofs and notes do not throw: they return a result
 * union (see `verify.ts`, `note-verify.ts`, `reservation-verify.ts`). The pure core raises the first
 * group for impossible requests or malformed text; the store and service raise the second. Names follow
 * the HTTP mapping convention: `_NOT_FOUND` is 404, `_INVALID` 400, anything else 500.
 */
export type LedgerErrorCode =
  | 'LEDGER_OUT_OF_RANGE'
  | 'LEDGER_BAD_HASH'
  | 'LEDGER_NODE_MISSING'
  | 'LEDGER_NOT_JSON'
  | 'LEDGER_NOTE_MALFORMED'
  | 'LEDGER_CHECKPOINT_MALFORMED'
  | 'LEDGER_KEY_MALFORMED'
  // store and service
  | 'LEDGER_ENTRY_INVALID'
  | 'LEDGER_RANGE_INVALID'
  | 'LEDGER_RECORDING_NOT_FOUND'
  | 'LEDGER_RESERVATION_NOT_FOUND'
  | 'LEDGER_KEY_MISSING'
  | 'LEDGER_STATE_CORRUPT';

export class LedgerError extends AppError<LedgerErrorCode> {}
