/**
 * The four import files of docs/import-csv.md, one line per call. Quoting follows RFC 4180: a field holding a
 * comma, a double quote or a line break is quoted, its quotes doubled; records end with `\n`.
 *
 * A tiny escaper rather than csv-stringify: measured on this machine, csv-stringify's sync API writes about
 * 160k rows/s and a loop over this escaper about 1.5M rows/s, and at 10M recordings (about 60M rows in all)
 * that is the difference between seconds and minutes. Only free-text fields go through it; identifiers,
 * numbers and code lists cannot hold those characters.
 */
import type { DemoMandate } from './mandates.js';
import type { DemoPerformer } from './performers.js';
import type { PerformerKey } from './plan.js';
import type { DemoRecording } from './recordings.js';
import type { Slot } from './acts.js';

export const HEADERS = {
  performers: ['display_name', 'sort_name', 'aliases', 'member_no', 'isni', 'ipn', 'ipi', 'member'],
  mandates: [
    'mandate_id',
    'performer_isni',
    'performer_ipn',
    'performer_member_no',
    'legal_basis',
    'uses',
    'media',
    'territories',
    'valid_from',
    'valid_to',
    'withdrawn_at',
    'source_ref',
  ],
  recordings: [
    'isrc',
    'isan',
    'eidr',
    'iswc',
    'kind',
    'title',
    'version_title',
    'display_artist',
    'duration',
    'year',
    'label',
  ],
  lineups: [
    'isrc',
    'isan',
    'eidr',
    'performer_isni',
    'performer_ipn',
    'performer_member_no',
    'position',
    'role',
    'instrument',
    'featured',
  ],
} as const;

export type DemoFileKind = keyof typeof HEADERS;

export function headerLine(kind: DemoFileKind): string {
  return `${HEADERS[kind].join(',')}\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: quoted only when it must be. */
export function esc(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function performerLine(p: DemoPerformer): string {
  return `${esc(p.displayName)},${esc(p.sortName)},${esc(p.aliases.join('|'))},${p.memberNo ?? ''},${p.isni ?? ''},${p.ipn ?? ''},${p.ipi ?? ''},${p.member}\n`;
}

/** Mandates name their performer by member number, as the CMO's contracts do. */
export function mandateLine(m: DemoMandate): string {
  return `${m.mandateId},,,${m.memberNo},${m.legalBasis},${m.uses},${m.media},${m.territories},${m.validFrom},${m.validTo},${m.withdrawnAt},${esc(m.sourceRef)}\n`;
}

export function recordingLine(r: DemoRecording): string {
  return (
    `${r.isrc ?? ''},${r.isan ?? ''},${r.eidr ?? ''},${r.iswc ?? ''},${r.kind},${esc(r.title)},${esc(r.versionTitle ?? '')},` +
    `${esc(r.displayArtist)},${r.duration},${r.year},${esc(r.label)}\n`
  );
}

/** The recording key: its ISRC, else ISAN, else EIDR (the import's natural key order), one column filled. */
function recordingKey(r: DemoRecording): string {
  if (r.isrc !== null) return `${r.isrc},,`;
  if (r.isan !== null) return `,${r.isan},`;
  return `,,${r.eidr ?? ''}`;
}

function keyFields(key: PerformerKey): string {
  switch (key.column) {
    case 'performer_isni':
      return `${key.value},,`;
    case 'performer_ipn':
      return `,${key.value},`;
    default:
      return `,,${key.value}`;
  }
}

function slotTail(s: Slot, position: number, keyOf: (performer: number) => PerformerKey): string {
  return `,${keyFields(keyOf(s.performer))},${position},${s.role},${s.instrument ?? ''},${s.featured}\n`;
}

/**
 * All line-up lines of a recording; `keyOf` resolves a performer index to its key. The tails of the act's
 * members (who come first, always in the same positions) are built once per act and kept in its memo.
 */
export function lineupLines(r: DemoRecording, keyOf: (performer: number) => PerformerKey): string {
  const key = recordingKey(r);
  const members = r.act.members;
  const tails = (r.act.memo.lines ??= members.map((s, i) => slotTail(s, i + 1, keyOf)));
  let out = '';
  for (let i = 0; i < r.lineup.length; i++) {
    out += key + (i < tails.length ? tails[i] : slotTail(r.lineup[i] as Slot, i + 1, keyOf));
  }
  return out;
}
