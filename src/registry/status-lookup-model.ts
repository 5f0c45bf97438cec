/**
 * What the read-heavy edge (HTTP) asks of the registry and how the answers look: the compact status of
 * one recording, a batch check with its evidence shared by every item, and status-only verdicts.
 * Pure types and helpers; the implementations are `status-lookup-reader.ts` (SQLite snapshot) and
 * `status-lookup-store.ts` (any store), picked by `openStatusLookup` (status-lookup.ts).
 */
import type { CompactStatus } from './compact.js';
import type { EvidenceLists } from './evidence.js';
import type { CoverageStatus } from './coverage.js';
import { RegistryError } from './errors.js';
import { parseIsrc, type IdParse } from './identifiers.js';
import type { QueryUse } from './model.js';
import { MAX_CHECK_ITEMS, type StatusOptions } from './service.js';

/** `GET /v1/recordings/{isrc}`: the compact answer about one recording, with its evidence. */
export interface RecordingAnswer extends CompactStatus {
  /** The identifier as asked. */
  query: string;
  at: string;
  territory: string | null;
  evidence: EvidenceLists;
}

export interface InvalidItem {
  input: string;
  ok: false;
  error: { code: 'REGISTRY_INVALID_ID'; message: string };
}

export type CheckItem = ({ input: string; ok: true } & CompactStatus) | InvalidItem;

/** A batch check: one item per input, in order; the evidence of every item, stated once. */
export interface CheckAnswer {
  at: string;
  territory: string | null;
  items: CheckItem[];
  evidence: EvidenceLists;
}

/** One item of a status-only batch check: the verdict per use and overall, without reasons. */
export type CheckVerdict =
  | {
      input: string;
      ok: true;
      identifier: string;
      status: CoverageStatus;
      uses: Partial<Record<QueryUse, { status: CoverageStatus }>>;
    }
  | InvalidItem;

export interface CheckVerdicts {
  at: string;
  territory: string | null;
  items: CheckVerdict[];
}

/** The three lookups; the snapshot reader answers synchronously, a store through promises. */
export interface StatusLookup {
  status(identifier: string, opts?: StatusOptions): RecordingAnswer | Promise<RecordingAnswer>;
  check(inputs: readonly string[], opts?: StatusOptions): CheckAnswer | Promise<CheckAnswer>;
  verdicts(inputs: readonly string[], opts?: StatusOptions): CheckVerdicts | Promise<CheckVerdicts>;
}

export function tooMany(inputs: readonly string[]): void {
  if (inputs.length > MAX_CHECK_ITEMS) {
    throw new RegistryError(
      'REGISTRY_TOO_MANY_ITEMS',
      `at most ${MAX_CHECK_ITEMS} items per request, got ${inputs.length}`,
    );
  }
}

/**
 * A canonical ISRC (12 characters, upper case, no separators) is its own normal form, so the general
 * parsers, which build regular expressions per call, can be skipped for it. Not when it starts with
 * `ISRC`: the parsers read that as a label and reject what follows. Tested against both parsers.
 */
const CANONICAL_ISRC = /^(?!ISRC)[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

export function isCanonicalIsrc(s: string): boolean {
  return CANONICAL_ISRC.test(s);
}

/** `parseIsrc`, with the shortcut for canonical input. */
export const isrcOf = (input: string): IdParse =>
  CANONICAL_ISRC.test(input) ? { ok: true, value: input } : parseIsrc(input);

export const invalidItem = (input: string, reason: string): InvalidItem => ({
  input,
  ok: false,
  error: { code: 'REGISTRY_INVALID_ID', message: reason },
});
