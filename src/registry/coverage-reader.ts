/**
 * The synchronous read seam for the hot lookup path. `RegistryStore` is asynchronous by contract (it
 * serves PostgreSQL too); a status lookup on an embedded SQLite file can be answered without a single
 * `await`, and that is what lets one process answer lookups near the speed of a constant response.
 * `reader-sqlite.ts` is the implementation; callers without one use `RegistryService` instead.
 */
import type { DeclarationFacts, PerformerFacts } from './evidence.js';
import type { Declaration, MandateVersion, Medium, Recording } from './model.js';

export type RecordingKeyKind = 'isrc' | 'isan' | 'eidr';

/** What a verdict without reasons needs about one recording (see coverage-verdict.ts). */
export interface VerdictRows {
  medium: Medium;
  /** Performer ids of the line-up, in line-up order. */
  performerIds: string[];
  /** Every version of every mandate of those performers. */
  mandates: MandateVersion[];
}

/** What the compact answer needs about one recording (see compact.ts). */
export interface RecordingFacts {
  recording: Recording;
  /** The line-up's performers, each once, in line-up order. */
  performers: PerformerFacts[];
  /** False when the recording has no line-up. */
  lineupKnown: boolean;
}

/** One consistent view of the registry, valid for the synchronous call it was handed to. */
export interface CoverageSnapshot {
  /** The recording with that identifier and its line-up's facts (cached per performer), or null. */
  facts(kind: RecordingKeyKind, value: string): RecordingFacts | null;
  /** Only what the verdict needs (no recording fields, no performers): much less to read. */
  verdictRows(kind: RecordingKeyKind, value: string): VerdictRows | null;
  /** Every declaration, in the order `RegistryStore.declarations()` gives them. Do not mutate. */
  declarations(): readonly Declaration[];
  /** The same declarations as facts for the compact answer. */
  declarationFacts(): readonly DeclarationFacts[];
  /**
   * The state of the registry this snapshot shows, as a number: two snapshots with the same version
   * show the same rows (on SQLite, `PRAGMA data_version`, which any commit changes).
   */
  version(): number;
}

export interface CoverageReader {
  /**
   * Runs `fn` against a snapshot that includes every write committed in this process before the call
   * (and writes by other processes after at most the reader's refresh interval).
   */
  read<T>(fn: (snapshot: CoverageSnapshot) => T): T;
  close(): void;
}
