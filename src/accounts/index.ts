/** Web accounts: passwords, sessions, missing-recording reports. */
export { AccountsService, type AccountsDeps, type Session } from './service.js';
export { AccountsError, type AccountsErrorCode } from './errors.js';
export {
  checkPassword,
  normaliseLogin,
  PASSWORD_MIN,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  type MissingRecordingReport,
} from './model.js';
