// The capability's one error class lives at src/fingerprint/errors.ts; identification re-exports it.
export { FingerprintError, type FingerprintErrorCode } from '../errors.js';
