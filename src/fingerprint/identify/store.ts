/** The storage seam of fingerprint identification: enrolled fingerprints and their inverted index. */
import type { LedgerEntry } from '../../ledger/entries.js';
import type { IndexHit, Posting } from './index-keys.js';

/** The registry facts a match reports about the recording. */
export interface RecordingRef {
  id: string;
  isrc: string | null;
  title: string;
  artist: string;
}

export interface StoredFingerprint {
  fp: number;
  recording: RecordingRef;
  raw: Uint32Array;
  durationMs: number;
  enrolledAt: string;
}

export interface NewFingerprint {
  recordingId: string;
  raw: Uint32Array;
  postings: readonly Posting[];
  durationMs: number;
  source: string | null;
  enrolledAt: string;
}

export interface FingerprintStore {
  /** Runs `fn` in one transaction (the same store when already inside one). */
  transaction<T>(fn: (store: FingerprintStore) => Promise<T>): Promise<T>;
  appendLog(entries: readonly LedgerEntry[]): Promise<void>;
  /** A recording by ISRC (normalised) or id; null when the registry does not hold it. */
  findRecording(by: { isrc: string } | { id: string }): Promise<RecordingRef | null>;
  /**
   * Stores the fingerprint of a recording with its postings, replacing the one it had (old postings
   * removed). Returns whether one was replaced.
   */
  putFingerprint(f: NewFingerprint): Promise<{ fp: number; replaced: boolean }>;
  /** Every posting of the given keys. */
  lookup(keys: readonly number[]): Promise<IndexHit[]>;
  fingerprints(fps: readonly number[]): Promise<StoredFingerprint[]>;
  fingerprintOf(recordingId: string): Promise<StoredFingerprint | null>;
  count(): Promise<{ fingerprints: number; postings: number }>;
}
