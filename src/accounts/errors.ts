import { AppError } from '../errors.js';

export type AccountsErrorCode =
  'ACCOUNTS_BAD_CREDENTIALS' | 'ACCOUNTS_BAD_PASSWORD' | 'ACCOUNTS_NOT_FOUND' | 'ACCOUNTS_BAD_INPUT';

export class AccountsError extends AppError<AccountsErrorCode> {}
