/**
 * What the CSV scanner's fast rows become (pure): an outcome, when outcomes are written, and their
 * counters by status byte merged into the summary of the rows that took the general matcher.
 */
import { QUERY_USES } from '../registry/model.js';
import { anyReserved, statusOf } from '../snapshot/format.js';
import { unpackIsrc } from '../snapshot/isrc-pack.js';
import { inputOf, noneOutcome, type ManifestRow, type RowOutcome } from './manifest-model.js';
import type { ManifestSummary, SummaryBuilder } from './manifest-summary.js';

export function found(row: ManifestRow, packed: number, byte: number): RowOutcome {
  const uses = {} as NonNullable<RowOutcome['uses']>;
  for (const u of QUERY_USES) uses[u] = statusOf(byte, u);
  return {
    line: row.line,
    method: 'isrc',
    score: 1,
    isrc: unpackIsrc(packed),
    uses,
    reserved: anyReserved(byte),
    input: inputOf(row),
    evidence: { source: 'registry-snapshot' },
  };
}

export function none(row: ManifestRow, packed: number): RowOutcome {
  return noneOutcome(row, { source: 'registry-snapshot', key: unpackIsrc(packed) });
}

/** The fast rows' counters (by status byte) added to the slow rows' summary. */
export function combine(
  slow: SummaryBuilder,
  byByte: Float64Array,
  notFound: number,
  reservedArtists: { name: string; n: number }[],
): ManifestSummary {
  const artists = new Map<string, number>();
  for (const { name, n } of reservedArtists) artists.set(name, (artists.get(name) ?? 0) + n);
  const s = slow.summary(0);
  s.rows += notFound;
  s.byMethod.none += notFound;
  for (const u of QUERY_USES) s.byUse[u].unknown += notFound;
  for (let b = 0; b < 256; b++) {
    const n = byByte[b] as number;
    if (n === 0) continue;
    s.rows += n;
    s.byMethod.isrc += n;
    for (const u of QUERY_USES) s.byUse[u][statusOf(b, u)] += n;
    if (anyReserved(b)) {
      s.reserved += n;
      s.reservedByMethod.isrc += n;
    }
  }
  // The slow rows' performers are lost by summary(0): count them again from a full summary.
  const slowTop = slow.summary(Number.MAX_SAFE_INTEGER).topPerformers;
  for (const p of slowTop) artists.set(p.artist, (artists.get(p.artist) ?? 0) + p.reserved);
  s.topPerformers = [...artists].map(([artist, reserved]) => ({ artist, reserved }));
  s.shareReserved = s.rows === 0 ? 0 : s.reserved / s.rows;
  return s;
}
