import { AppError } from '../errors.js';

export type RegistryErrorCode =
  | 'REGISTRY_NOT_FOUND'
  | 'REGISTRY_INVALID_ID'
  | 'REGISTRY_INVALID_INPUT'
  | 'REGISTRY_CONFLICT'
  | 'REGISTRY_TOO_MANY_ITEMS';

export class RegistryError extends AppError<RegistryErrorCode> {}
