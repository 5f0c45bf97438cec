/**
 * The synchronous read seam for the hot lookup path. `RegistryStore` is asynchronous by contract (it
 * serves PostgreSQL too); a status lookup on an embedded SQLite file can be answered without a single
 * `await`, and that is what lets one process answer lookups near the speed of a constant response.
 * `reader-sqlite.ts` is the implementation; callers without one use `RegistryService` instead.
 */
import type { Declaration, MandateVersion, Medium } from './model.js';
import type { CoverageRows } from './store.js';

export type RecordingKeyKind = 'isrc' | 'isan' | 'eidr';

/** What a verdict without reasons needs about one recording (see coverage-verdict.ts). */
export interface VerdictRows {
  medium: Medium;
  /** Performer ids of the line-up, in line-up order. */
  performerIds: string[];
  /** Every version of every mandate of those performers. */
  mandates: MandateVersion[];
}

/** One consistent view of the registry, valid for the synchronous call it was handed to. */
export interface CoverageSnapshot {
  /** The recording with that identifier and everything coverage needs for it, or null. */
  coverage(kind: RecordingKeyKind, value: string): CoverageRows | null;
  /** Only what the verdict needs (no recording fields, no performers): much less to read. */
  verdictRows(kind: RecordingKeyKind, value: string): VerdictRows | null;
  /** Every declaration, in the order `RegistryStore.declarations()` gives them. Do not mutate. */
  declarations(): readonly Declaration[];
}

export interface CoverageReader {
  /**
   * Runs `fn` against a snapshot that includes every write committed in this process before the call
   * (and writes by other processes after at most the reader's refresh interval).
   */
  read<T>(fn: (snapshot: CoverageSnapshot) => T): T;
  close(): void;
}
