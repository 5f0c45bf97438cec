/** The matching thresholds as CLI flags, shared by `tdmr fingerprint identify` and `tdmr scan`. */
import type { Command } from 'commander';
import { FingerprintError } from '../../fingerprint/identify/errors.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../fingerprint/identify/model.js';

export interface ThresholdFlags {
  maxBer: string;
  minSpan: string;
  minScore: string;
}

export function thresholdOptions(cmd: Command): Command {
  return cmd
    .option(
      '--max-ber <0..0.5>',
      'largest bit-error rate over the matched span',
      String(DEFAULT_THRESHOLDS.maxBer),
    )
    .option('--min-span <seconds>', 'least matched span', String(DEFAULT_THRESHOLDS.minSpanSeconds))
    .option(
      '--min-score <0..1>',
      'least pg_acoustid-style score over the overlap',
      String(DEFAULT_THRESHOLDS.minScore),
    );
}

function num(v: string, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new FingerprintError(
      'FINGERPRINT_INVALID_OPTION',
      `${flag} must be a number from ${min} to ${max}, got ${v}`,
      { details: { field: flag.slice(2) } },
    );
  }
  return n;
}

export function thresholdsFrom(o: ThresholdFlags): Thresholds {
  return {
    maxBer: num(o.maxBer, '--max-ber', 0, 0.5),
    minSpanSeconds: num(o.minSpan, '--min-span', 0, 3600),
    minScore: num(o.minScore, '--min-score', 0, 1),
  };
}

/** `--max-seconds` (0: the whole file), as `tdmr fingerprint identify` and `tdmr scan` take it. */
export function maxSecondsFrom(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    throw new FingerprintError('FINGERPRINT_INVALID_OPTION', `--max-seconds must be a number >= 0, got ${v}`, {
      details: { field: 'max-seconds' },
    });
  }
  return n;
}
