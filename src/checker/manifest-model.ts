/**
 * One manifest row and its outcome (pure). A row is matched by ISRC when it has one, else by artist and
 * title; the outcome gives how, the matched ISRC, the registry's status per use and the evidence. A row
 * that cannot be read is an outcome too (`method: 'error'`, with the file, line and field), never an
 * exception: one bad row loses nothing else.
 */
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import type { SnapshotStatus } from '../snapshot/format.js';

export interface ManifestRow {
  /** Line in the file (CSV, JSONL: the line the record starts on) or row number (Parquet), from 1. */
  line: number;
  isrc?: string | undefined;
  artist?: string | undefined;
  title?: string | undefined;
  url?: string | undefined;
  path?: string | undefined;
}

/** A row that could not be read: where and why. */
export interface RowProblem {
  line: number;
  field: string;
  reason: string;
}

export type MatchMethod = 'isrc' | 'metadata-exact' | 'metadata-fuzzy' | 'fingerprint' | 'none' | 'error';
export const MATCH_METHODS: readonly MatchMethod[] = [
  'isrc',
  'metadata-exact',
  'metadata-fuzzy',
  'fingerprint',
  'none',
  'error',
];

/** Statuses a manifest outcome reports: the registry's, with `licensed` once licences are honoured. */
export type RowStatus = SnapshotStatus | 'licensed';

export interface RowOutcome {
  line: number;
  method: MatchMethod;
  /** 1 for exact matches, the similarity for fuzzy ones, the best similarity seen for `none`; null for errors. */
  score: number | null;
  /** The registry recording matched. */
  isrc: string | null;
  /** Status per use; null for errors. Unmatched rows are `unknown`, as the service answers for an ISRC it does not know. */
  uses: Record<QueryUse, RowStatus> | null;
  /** True when some use is reserved. */
  reserved: boolean;
  /** What was asked: the row's own identifiers, as read. */
  input: { isrc?: string; artist?: string; title?: string; url?: string; path?: string };
  evidence: {
    /** `registry-snapshot` (offline), `registry-service` (online) or `fingerprint-index` (`tdmr scan`). */
    source: 'registry-snapshot' | 'registry-service' | 'fingerprint-index';
    /** The normalised key matched (metadata) or looked up. */
    key?: string;
    /** Keys compared for a fuzzy match. */
    candidates?: number;
    /** Why an ISRC given in the row was not used (invalid), when it fell back to metadata. */
    note?: string;
  };
  error?: { field: string; reason: string };
}

const UNKNOWN = Object.freeze(Object.fromEntries(QUERY_USES.map((u) => [u, 'unknown']))) as Record<
  QueryUse,
  RowStatus
>;
export const unknownUses = (): Record<QueryUse, RowStatus> => ({ ...UNKNOWN });

export function inputOf(row: ManifestRow): RowOutcome['input'] {
  const out: RowOutcome['input'] = {};
  for (const f of ['isrc', 'artist', 'title', 'url', 'path'] as const) {
    const v = row[f];
    if (v !== undefined && v !== '') out[f] = v;
  }
  return out;
}

/** A row nothing matched, with what the evidence says of it. */
export function noneOutcome(row: ManifestRow, evidence: RowOutcome['evidence']): RowOutcome {
  return {
    line: row.line,
    method: 'none',
    score: 0,
    isrc: null,
    uses: unknownUses(),
    reserved: false,
    input: inputOf(row),
    evidence,
  };
}

export function errorOutcome(
  p: RowProblem,
  source: RowOutcome['evidence']['source'],
  row?: ManifestRow,
): RowOutcome {
  return {
    line: p.line,
    method: 'error',
    score: null,
    isrc: null,
    uses: null,
    reserved: false,
    input: row ? inputOf(row) : {},
    evidence: { source },
    error: { field: p.field, reason: p.reason },
  };
}

export const CSV_HEADER = [
  'line',
  'method',
  'score',
  'isrc',
  ...QUERY_USES,
  'reserved',
  'input_isrc',
  'artist',
  'title',
  'url',
  'path',
  'key',
  'error_field',
  'error',
];

const csvCell = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV line (with its newline) for an outcome, in `CSV_HEADER` order. */
export function outcomeCsv(o: RowOutcome): string {
  const cells = [
    o.line,
    o.method,
    o.score,
    o.isrc,
    ...QUERY_USES.map((u) => o.uses?.[u]),
    o.reserved,
    o.input.isrc,
    o.input.artist,
    o.input.title,
    o.input.url,
    o.input.path,
    o.evidence.key,
    o.error?.field,
    o.error?.reason,
  ];
  return `${cells.map(csvCell).join(',')}\n`;
}

export function outcomeJsonl(o: RowOutcome): string {
  return `${JSON.stringify(o)}\n`;
}
