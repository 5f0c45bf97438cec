/**
 * The columns of each CSV import format (docs/import-csv.md), detecting a file's type from its header,
 * and checking the header: unknown, duplicate and missing required columns are errors of the whole file.
 */
import type { FileType } from './model.js';

export type CsvType = Exclude<FileType, 'ddex'>;

interface Spec {
  columns: readonly string[];
  required: readonly string[];
}

const PERFORMER_REF = ['performer_isni', 'performer_ipn', 'performer_member_no'] as const;
const RECORDING_REF = ['isrc', 'isan', 'eidr'] as const;

export const CSV_SPECS: Record<CsvType, Spec> = {
  performers: {
    columns: ['display_name', 'sort_name', 'aliases', 'member_no', 'isni', 'ipn', 'ipi', 'member'],
    required: ['display_name'],
  },
  mandates: {
    columns: [
      'mandate_id',
      ...PERFORMER_REF,
      'legal_basis',
      'uses',
      'media',
      'territories',
      'valid_from',
      'valid_to',
      'withdrawn_at',
      'source_ref',
    ],
    required: ['mandate_id', 'legal_basis', 'valid_from'],
  },
  recordings: {
    columns: [
      ...RECORDING_REF,
      'iswc',
      'kind',
      'title',
      'version_title',
      'display_artist',
      'duration',
      'year',
      'label',
    ],
    required: ['title', 'display_artist'],
  },
  lineups: {
    columns: [...RECORDING_REF, ...PERFORMER_REF, 'position', 'role', 'instrument', 'featured'],
    required: ['position', 'role'],
  },
};

/** Column groups of which a file must have at least one column. */
const ONE_OF: Partial<Record<CsvType, readonly (readonly string[])[]>> = {
  performers: [['isni', 'ipn', 'member_no']],
  mandates: [PERFORMER_REF],
  recordings: [RECORDING_REF],
  lineups: [RECORDING_REF, PERFORMER_REF],
};

/** Header cells as compared: trimmed, lower case. */
export function normaliseHeader(cells: readonly string[]): string[] {
  return cells.map((c) => c.trim().toLowerCase());
}

/** The type a header most likely belongs to, or null when nothing tells. */
export function detectCsvType(header: readonly string[]): CsvType | null {
  const has = (c: string) => header.includes(c);
  if (has('mandate_id')) return 'mandates';
  if (has('position') || has('role')) return 'lineups';
  if (has('display_name')) return 'performers';
  if (has('title') || has('display_artist')) return 'recordings';
  return null;
}

/** Column name -> index in the row, -1 when the file has no such column. */
export type ColumnIndex = Readonly<Record<string, number>>;

export type HeaderCheck = { ok: true; index: ColumnIndex } | { ok: false; problems: string[] };

export function checkHeader(type: CsvType, header: readonly string[]): HeaderCheck {
  const spec = CSV_SPECS[type];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of header) {
    if (c === '') problems.push('a column has an empty name');
    else if (seen.has(c)) problems.push(`column ${c} appears twice`);
    else if (!spec.columns.includes(c))
      problems.push(`unknown column ${c} (a ${type} file has ${spec.columns.join(', ')})`);
    seen.add(c);
  }
  for (const r of spec.required) if (!seen.has(r)) problems.push(`missing required column ${r}`);
  for (const group of ONE_OF[type] ?? []) {
    if (!group.some((c) => seen.has(c))) problems.push(`needs one of the columns ${group.join(', ')}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const index: Record<string, number> = {};
  for (const c of spec.columns) index[c] = header.indexOf(c);
  return { ok: true, index };
}

/** The cell of a column in a row; '' when the file has no such column. */
export function cell(row: readonly string[], index: ColumnIndex, column: string): string {
  const i = index[column] ?? -1;
  return i < 0 ? '' : (row[i] ?? '');
}
