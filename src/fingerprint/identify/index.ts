/**
 * Identification of reserved recordings in raw audio by Chromaprint fingerprint: `compare` (pure),
 * the service (`enrollFile`, `enrollRaw`, `enrollCsv`, `identify`), its store seam and the fpcalc
 * source. docs/fingerprint-identify.md describes the method, thresholds and measurements.
 */
export { compare, alignAt, popcount, votedOffsets, type CompareOptions } from './compare.js';
export {
  FingerprintService,
  type EnrolResult,
  type EnrolLineOutcome,
  type IdentifyOptions,
} from './service.js';
export {
  DEFAULT_THRESHOLDS,
  ITEM_SECONDS,
  SILENCE_ITEM,
  hashKey,
  isMatch,
  itemsToSeconds,
  type Alignment,
  type IdentifyMatch,
  type Span,
  type Thresholds,
} from './model.js';
export {
  queryKeys,
  referencePostings,
  vote,
  type Candidate,
  type IndexHit,
  type Posting,
  type VoteOptions,
} from './index-keys.js';
export { parseEnrolCsv, type EnrolLine, type EnrolLineProblem } from './enrol-csv.js';
export { FingerprintError, type FingerprintErrorCode } from './errors.js';
export { FpcalcSource, parseFpcalc, type FileFingerprint, type FingerprintSource } from './source.js';
export type { FingerprintStore, NewFingerprint, RecordingRef, StoredFingerprint } from './store.js';
export { KyselyFingerprintStore } from './store-kysely.js';
export { MemoryFingerprintStore } from './memory-store.js';
export { enrolledEntry } from './log-entries.js';
export { decodeRaw, encodeRaw, rawSha256 } from './raw-codec.js';
export { flipBits, randomFingerprint, seeded } from './synthetic.js';
