/**
 * CSV rows -> validated drafts, or the column and reason of the first problem. Pure: no I/O, no ids.
 * Normalisation is the registry's own (`normalisePerformer`, `normaliseRecording`, `instant`,
 * `territories`, identifier parsers), so an imported record is exactly what the service would store.
 */
import { AppError } from '../../errors.js';
import { parseEidr, parseIpn, parseIsan, parseIsni, parseIsrc, type IdParse } from '../identifiers.js';
import { AI_USES, LEGAL_BASES, MEDIA, USES, type LegalBasis, type Medium, type Use } from '../model.js';
import { instant, normalisePerformer, normaliseRecording, territories } from '../service.js';
import { cell, type ColumnIndex } from './csv-columns.js';
import type {
  LineupDraft,
  MandateDraft,
  PerformerDraft,
  PerformerRef,
  RecordingDraft,
  RecordingRef,
} from './model.js';
import { instrument, performerRole } from './roles.js';
import { parseBool, parseDuration, parseInteger, parseList } from './values.js';

export type RowResult<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

const fail = (field: string, reason: string): { ok: false; field: string; reason: string } => ({
  ok: false,
  field,
  reason,
});

/** Domain field names (in the registry's errors) -> CSV column names. */
const COLUMN_OF: Record<string, string> = {
  displayName: 'display_name',
  sortName: 'sort_name',
  memberNo: 'member_no',
  versionTitle: 'version_title',
  displayArtist: 'display_artist',
  durationMs: 'duration',
};

/** Turns an error of the registry's normalisers into a rejection naming the CSV column. */
function fromError(e: unknown, prefix = ''): { ok: false; field: string; reason: string } {
  if (!(e instanceof AppError)) throw e;
  const field = typeof e.details?.field === 'string' ? e.details.field : '';
  const column = COLUMN_OF[field] ?? field;
  const reason = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
  return fail(prefix + column, reason);
}

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

function optId(raw: string, parse: (s: string) => IdParse): IdParse | null {
  return raw.trim() === '' ? null : parse(raw);
}

/** Parses the identifier columns of a reference; at least one must be present. */
function ids<K extends string>(
  row: readonly string[],
  ix: ColumnIndex,
  cols: readonly (readonly [K, string, (s: string) => IdParse])[],
  what: string,
): RowResult<Record<K, string | null>> {
  const out = {} as Record<K, string | null>;
  let any = false;
  for (const [key, column, parse] of cols) {
    const r = optId(cell(row, ix, column), parse);
    if (r !== null && !r.ok) return fail(column, r.reason);
    out[key] = r === null ? null : r.value;
    any ||= r !== null;
  }
  return any
    ? { ok: true, value: out }
    : fail(cols[0]![1], `${what} needs one of ${cols.map((c) => c[1]).join(', ')}`);
}

const memberNo = (s: string): IdParse =>
  s.trim().length > 64
    ? { ok: false, reason: 'member number is at most 64 characters' }
    : { ok: true, value: s.trim() };

function performerRef(row: readonly string[], ix: ColumnIndex): RowResult<PerformerRef> {
  return ids(
    row,
    ix,
    [
      ['isni', 'performer_isni', parseIsni],
      ['ipn', 'performer_ipn', parseIpn],
      ['memberNo', 'performer_member_no', memberNo],
    ] as const,
    'the performer',
  );
}

function recordingRef(row: readonly string[], ix: ColumnIndex): RowResult<RecordingRef> {
  return ids(
    row,
    ix,
    [
      ['isrc', 'isrc', parseIsrc],
      ['isan', 'isan', parseIsan],
      ['eidr', 'eidr', parseEidr],
    ] as const,
    'the recording',
  );
}

export function performerRow(row: readonly string[], ix: ColumnIndex): RowResult<PerformerDraft> {
  const no = text(cell(row, ix, 'member_no'));
  if (no !== null && no.length > 64) return fail('member_no', 'member number is at most 64 characters');
  const member = parseBool(cell(row, ix, 'member'), no !== null);
  if (!member.ok) return fail('member', member.reason);
  try {
    const p = normalisePerformer(
      {
        displayName: cell(row, ix, 'display_name'),
        sortName: cell(row, ix, 'sort_name'),
        aliases: parseList(cell(row, ix, 'aliases')),
        memberNo: no,
        isni: cell(row, ix, 'isni'),
        ipn: cell(row, ix, 'ipn'),
        ipi: cell(row, ix, 'ipi'),
        member: member.value,
      },
      '',
    );
    if (p.isni === null && p.ipn === null && p.memberNo === null)
      return fail('isni', 'a performer needs an isni, an ipn or a member_no');
    return { ok: true, value: p };
  } catch (e) {
    return fromError(e);
  }
}

export function recordingRow(row: readonly string[], ix: ColumnIndex): RowResult<RecordingDraft> {
  const duration = parseDuration(cell(row, ix, 'duration'));
  if (!duration.ok) return fail('duration', duration.reason);
  const year = parseInteger(cell(row, ix, 'year'), 0, 999_999);
  if (!year.ok) return fail('year', year.reason);
  try {
    const r = normaliseRecording(
      {
        kind: (text(cell(row, ix, 'kind'))?.toLowerCase() ?? 'sound') as Medium,
        isrc: cell(row, ix, 'isrc'),
        isan: cell(row, ix, 'isan'),
        eidr: cell(row, ix, 'eidr'),
        iswc: cell(row, ix, 'iswc'),
        title: cell(row, ix, 'title'),
        versionTitle: cell(row, ix, 'version_title'),
        displayArtist: cell(row, ix, 'display_artist'),
        durationMs: duration.value,
        year: year.value,
        label: cell(row, ix, 'label'),
      },
      '',
    );
    return { ok: true, value: r };
  } catch (e) {
    return fromError(e);
  }
}

/** A `|` list of allowed values, in the canonical order of `allowed` so that equal sets compare equal. */
function subset<T extends string>(
  row: readonly string[],
  ix: ColumnIndex,
  column: string,
  allowed: readonly T[],
  dflt: readonly T[],
): RowResult<T[]> {
  const values = parseList(cell(row, ix, column).toLowerCase());
  for (const v of values)
    if (!allowed.includes(v as T)) return fail(column, `${v} is not one of ${allowed.join(', ')}`);
  const set = values.length === 0 ? dflt : (values as T[]);
  return { ok: true, value: allowed.filter((a) => set.includes(a)) };
}

function optInstant(row: readonly string[], ix: ColumnIndex, column: string): RowResult<string | null> {
  const v = cell(row, ix, column);
  if (v.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: instant(column, v) };
  } catch (e) {
    return fromError(e);
  }
}

export function mandateRow(row: readonly string[], ix: ColumnIndex): RowResult<MandateDraft> {
  const mandateId = cell(row, ix, 'mandate_id').trim();
  if (mandateId === '') return fail('mandate_id', 'required');
  if (mandateId.length > 200) return fail('mandate_id', 'at most 200 characters');
  const performer = performerRef(row, ix);
  if (!performer.ok) return performer;
  const basis = cell(row, ix, 'legal_basis').trim().toLowerCase();
  if (!LEGAL_BASES.includes(basis as LegalBasis))
    return fail(
      'legal_basis',
      basis === '' ? 'required' : `${basis} is not one of ${LEGAL_BASES.join(', ')}`,
    );
  const uses = subset<Use>(row, ix, 'uses', USES, AI_USES);
  if (!uses.ok) return uses;
  const media = subset<Medium>(row, ix, 'media', MEDIA, MEDIA);
  if (!media.ok) return media;
  let terr: string[];
  try {
    terr = territories(parseList(cell(row, ix, 'territories'))).sort();
  } catch (e) {
    return fromError(e);
  }
  if (cell(row, ix, 'valid_from').trim() === '') return fail('valid_from', 'required');
  const from = optInstant(row, ix, 'valid_from');
  if (!from.ok) return from;
  const to = optInstant(row, ix, 'valid_to');
  if (!to.ok) return to;
  if (to.value !== null && to.value <= (from.value as string))
    return fail('valid_to', 'must be after valid_from');
  const withdrawn = optInstant(row, ix, 'withdrawn_at');
  if (!withdrawn.ok) return withdrawn;
  const sourceRef = text(cell(row, ix, 'source_ref'));
  return {
    ok: true,
    value: {
      mandateId,
      performer: performer.value,
      legalBasis: basis as LegalBasis,
      uses: uses.value,
      media: media.value,
      territories: terr,
      validFrom: from.value as string,
      validTo: to.value,
      withdrawnAt: withdrawn.value,
      sourceRef,
    },
  };
}

export function lineupRow(row: readonly string[], ix: ColumnIndex): RowResult<LineupDraft> {
  const recording = recordingRef(row, ix);
  if (!recording.ok) return recording;
  const performer = performerRef(row, ix);
  if (!performer.ok) return performer;
  const position = parseInteger(cell(row, ix, 'position'), 1, 100_000);
  if (!position.ok) return fail('position', position.reason);
  if (position.value === null) return fail('position', 'required');
  const rawRole = cell(row, ix, 'role');
  const role = performerRole(rawRole);
  if (role === null)
    return fail(
      'role',
      rawRole.trim() === ''
        ? 'required'
        : `${rawRole.trim()} is not a DDEX performer role (e.g. LeadVocalist, StudioMusician, Actor)`,
    );
  const instr = instrument(cell(row, ix, 'instrument'));
  if (!instr.ok) return fail('instrument', instr.reason);
  const featured = parseBool(cell(row, ix, 'featured'), false);
  if (!featured.ok) return fail('featured', featured.reason);
  return {
    ok: true,
    value: {
      recording: recording.value,
      performer: performer.value,
      position: position.value,
      role,
      instrument: instr.value,
      featured: featured.value,
    },
  };
}
