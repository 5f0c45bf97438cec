/**
 * Types of the import pipeline: what parsers produce (drafts: validated domain records without ids),
 * what sinks answer per row (an outcome union, never an exception per row), and what a run reports.
 */
import type { LegalBasis, Medium, Performer, Recording, Use } from '../model.js';

export const FILE_TYPES = ['performers', 'recordings', 'mandates', 'lineups', 'ddex'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const ENTITIES = ['performers', 'mandates', 'recordings', 'lineups'] as const;
export type Entity = (typeof ENTITIES)[number];

/** Natural keys naming a performer in a reference; the first one that matches wins (ISNI, IPN, member no., id). */
export interface PerformerRef {
  isni: string | null;
  ipn: string | null;
  memberNo: string | null;
}

/** Natural keys naming a recording; the first one that matches wins (ISRC, ISAN, EIDR). */
export interface RecordingRef {
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
}

/** A performer as a row describes it; the sink keeps the id of the stored performer with the same key. */
export type PerformerDraft = Omit<Performer, 'id'>;
export type RecordingDraft = Omit<Recording, 'id'>;

/** The terms of a mandate as a row states them; the sink appends a version only when they differ. */
export interface MandateDraft {
  mandateId: string;
  performer: PerformerRef;
  legalBasis: LegalBasis;
  uses: Use[];
  media: Medium[];
  territories: string[];
  validFrom: string;
  validTo: string | null;
  withdrawnAt: string | null;
  sourceRef: string | null;
}

export interface LineupDraft {
  recording: RecordingRef;
  performer: PerformerRef;
  position: number;
  role: string;
  instrument: string | null;
  featured: boolean;
}

/** A DDEX party that performs on a resource: inserted as a non-member unless a performer has its ISNI or IPN. */
export interface DdexPerformer {
  /** Deterministic id (a name-based UUID of the party's strongest key), so that a re-import finds it again. */
  id: string;
  performer: PerformerDraft;
}

/** One DDEX SoundRecording or Video: the recording, the performers it names and its line-up. */
export interface DdexResourceDraft {
  recording: RecordingDraft;
  performers: DdexPerformer[];
  /** `performer` indexes `performers`. Positions are 1-based in this order. */
  lineup: { performer: number; role: string; instrument: string | null; featured: boolean }[];
}

/** What a sink says about one row. Accepted outcomes are shared constants, so the hot path allocates nothing. */
export type RowOutcome =
  { readonly ok: true } | { readonly ok: false; readonly field: string; readonly reason: string };
export const ACCEPTED: RowOutcome = Object.freeze({ ok: true });
export function rejected(field: string, reason: string): RowOutcome {
  return { ok: false, field, reason };
}

/** A rejected row, as listed in errors and written to the report. */
export interface Rejection {
  file: string;
  /** 1-based line of the row (CSV) or of the element (DDEX). */
  line: number;
  /** Column name (CSV) or XML path of the element (DDEX). */
  field: string;
  reason: string;
  /** The row as read (CSV fields re-joined), or a short description of the DDEX element. */
  raw: string;
}

export interface EntityCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
export type Counts = Record<Entity, EntityCounts>;

export function emptyCounts(): Counts {
  const c = {} as Counts;
  for (const e of ENTITIES) c[e] = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  return c;
}

export function addCounts(into: Counts, from: Counts): void {
  for (const e of ENTITIES) {
    into[e].inserted += from[e].inserted;
    into[e].updated += from[e].updated;
    into[e].unchanged += from[e].unchanged;
    into[e].rejected += from[e].rejected;
  }
}

/** The entity a rejected row of a file type counts against. */
export function entityOf(type: FileType): Entity {
  return type === 'ddex' ? 'recordings' : type;
}

/** Files are imported in this order whatever the command line says, so that references resolve. */
export const TYPE_ORDER: Record<FileType, number> = {
  performers: 0,
  recordings: 1,
  mandates: 2,
  lineups: 3,
  ddex: 4,
};
