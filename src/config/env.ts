/** The only reader of `process.env`. */
import type { ConfigInput } from './config.js';

export function readEnv(env: NodeJS.ProcessEnv = process.env): ConfigInput {
  return {
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    issuer: env.TDMR_ISSUER,
    contactEmail: env.TDMR_CONTACT_EMAIL,
    licensingUrl: env.TDMR_LICENSING_URL,
    logKeyFile: env.TDMR_LOG_KEY_FILE,
    logOrigin: env.TDMR_LOG_ORIGIN,
    logCheckpointSeconds: env.TDMR_LOG_CHECKPOINT_SECONDS,
    checkWorkers: env.TDMR_CHECK_WORKERS,
    answerCacheMb: env.TDMR_ANSWER_CACHE_MB,
    fingerprinter: env.TDMR_FINGERPRINTER,
  };
}

/** Test-only knob, read here so that no other module touches the environment. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
