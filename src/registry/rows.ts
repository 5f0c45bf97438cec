/** Row <-> domain mapping for the registry (pure; no database access). */
import type { DeclarationRow, LineupRow, MandateRow, PerformerRow, RecordingRow } from '../db/schema.js';
import {
  searchKey,
  type Declaration,
  type LegalBasis,
  type LineupEntry,
  type MandateChange,
  type MandateVersion,
  type Medium,
  type Performer,
  type Recording,
  type Use,
} from './model.js';

const list = <T>(json: string): T[] => JSON.parse(json) as T[];

export function performerFromRow(r: PerformerRow): Performer {
  return {
    id: r.id,
    displayName: r.display_name,
    sortName: r.sort_name,
    aliases: list<string>(r.aliases),
    memberNo: r.member_no,
    isni: r.isni,
    ipn: r.ipn,
    ipi: r.ipi,
    member: Number(r.member) === 1,
  };
}

export function performerToRow(p: Performer, now: string): PerformerRow {
  return {
    id: p.id,
    display_name: p.displayName,
    sort_name: p.sortName,
    aliases: JSON.stringify(p.aliases),
    member_no: p.memberNo,
    isni: p.isni,
    ipn: p.ipn,
    ipi: p.ipi,
    member: p.member ? 1 : 0,
    search_text: searchKey([p.displayName, ...p.aliases].join(' ')),
    created_at: now,
    updated_at: now,
  };
}

/** Every column of `mandates`, in table order: for statements that name them (prepared, raw reads). */
export const MANDATE_COLUMNS = [
  'id',
  'mandate_id',
  'version',
  'performer_id',
  'legal_basis',
  'uses',
  'media',
  'territories',
  'valid_from',
  'valid_to',
  'withdrawn_at',
  'source_ref',
  'change',
  'recorded_at',
] as const satisfies readonly (keyof MandateRow)[];

export function mandateFromRow(r: MandateRow): MandateVersion {
  return {
    id: r.id,
    mandateId: r.mandate_id,
    version: Number(r.version),
    performerId: r.performer_id,
    legalBasis: r.legal_basis as LegalBasis,
    uses: list<Use>(r.uses),
    media: list<Medium>(r.media),
    territories: list<string>(r.territories),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    withdrawnAt: r.withdrawn_at,
    sourceRef: r.source_ref,
    change: r.change as MandateChange,
    recordedAt: r.recorded_at,
  };
}

export function mandateToRow(m: MandateVersion): MandateRow {
  return {
    id: m.id,
    mandate_id: m.mandateId,
    version: m.version,
    performer_id: m.performerId,
    legal_basis: m.legalBasis,
    uses: JSON.stringify(m.uses),
    media: JSON.stringify(m.media),
    territories: JSON.stringify(m.territories),
    valid_from: m.validFrom,
    valid_to: m.validTo,
    withdrawn_at: m.withdrawnAt,
    source_ref: m.sourceRef,
    change: m.change,
    recorded_at: m.recordedAt,
  };
}

export function recordingFromRow(r: RecordingRow): Recording {
  return {
    id: r.id,
    kind: r.kind as Medium,
    isrc: r.isrc,
    isan: r.isan,
    eidr: r.eidr,
    iswc: r.iswc,
    title: r.title,
    versionTitle: r.version_title,
    displayArtist: r.display_artist,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    year: r.year === null ? null : Number(r.year),
    label: r.label,
  };
}

export function recordingSearchText(r: Pick<Recording, 'title' | 'versionTitle' | 'displayArtist'>): string {
  return searchKey([r.title, r.versionTitle ?? '', r.displayArtist].join(' '));
}

export function recordingToRow(r: Recording, now: string): RecordingRow {
  return {
    id: r.id,
    kind: r.kind,
    isrc: r.isrc,
    isan: r.isan,
    eidr: r.eidr,
    iswc: r.iswc,
    title: r.title,
    version_title: r.versionTitle,
    display_artist: r.displayArtist,
    duration_ms: r.durationMs,
    year: r.year,
    label: r.label,
    search_text: recordingSearchText(r),
    created_at: now,
    updated_at: now,
  };
}

export function lineupFromRow(r: LineupRow): LineupEntry {
  return {
    recordingId: r.recording_id,
    performerId: r.performer_id,
    role: r.role,
    instrument: r.instrument,
    featured: Number(r.featured) === 1,
    position: Number(r.position),
  };
}

export function lineupToRow(e: LineupEntry): LineupRow {
  return {
    recording_id: e.recordingId,
    position: e.position,
    performer_id: e.performerId,
    role: e.role,
    instrument: e.instrument,
    featured: e.featured ? 1 : 0,
  };
}

export function declarationFromRow(r: DeclarationRow): Declaration {
  return {
    id: r.id,
    issuer: r.issuer,
    legalBasis: r.legal_basis,
    uses: list<Use>(r.uses),
    media: list<Medium>(r.media),
    territories: list<string>(r.territories),
    effectiveFrom: r.effective_from,
    withdrawnAt: r.withdrawn_at,
    createdAt: r.created_at,
  };
}

export function declarationToRow(d: Declaration): DeclarationRow {
  return {
    id: d.id,
    issuer: d.issuer,
    legal_basis: d.legalBasis,
    uses: JSON.stringify(d.uses),
    media: JSON.stringify(d.media),
    territories: JSON.stringify(d.territories),
    effective_from: d.effectiveFrom,
    withdrawn_at: d.withdrawnAt,
    created_at: d.createdAt,
  };
}

/** Same business content? (ignores ids and timestamps) */
export function samePerformer(a: Performer, b: Performer): boolean {
  return (
    a.displayName === b.displayName &&
    a.sortName === b.sortName &&
    JSON.stringify(a.aliases) === JSON.stringify(b.aliases) &&
    a.memberNo === b.memberNo &&
    a.isni === b.isni &&
    a.ipn === b.ipn &&
    a.ipi === b.ipi &&
    a.member === b.member
  );
}

export function sameRecording(a: Recording, b: Recording): boolean {
  return (
    a.kind === b.kind &&
    a.isrc === b.isrc &&
    a.isan === b.isan &&
    a.eidr === b.eidr &&
    a.iswc === b.iswc &&
    a.title === b.title &&
    a.versionTitle === b.versionTitle &&
    a.displayArtist === b.displayArtist &&
    a.durationMs === b.durationMs &&
    a.year === b.year &&
    a.label === b.label
  );
}
