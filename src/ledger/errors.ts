import { AppError } from '../errors.js';

/**
 * Codes raised by the ledger's pure core. Verifiers of hostile proofs and notes do not throw: they
 * return a result union (see `verify.ts`, `note-verify.ts`). These codes are for callers that ask
 * for something impossible (a proof for a leaf outside the tree) or hand in malformed text to a parser.
 */
export type LedgerErrorCode =
  | 'LEDGER_OUT_OF_RANGE'
  | 'LEDGER_BAD_HASH'
  | 'LEDGER_NODE_MISSING'
  | 'LEDGER_NOT_JSON'
  | 'LEDGER_NOTE_MALFORMED'
  | 'LEDGER_CHECKPOINT_MALFORMED'
  | 'LEDGER_KEY_MALFORMED';

export class LedgerError extends AppError<LedgerErrorCode> {}
