/**
 * The CSV fast path's scanner (pure): rows of a plain CSV chunk (no quote character in it) read straight
 * from the bytes. Why by hand: at millions of rows a second, csv-parse's per-field strings and
 * per-record arrays are most of the time; here a row with a canonical 12-character ISRC is packed from
 * its bytes and looked up without making a single string (snapshot/isrc-pack.ts). Every other row (no
 * ISRC, a spelled ISRC, a wrong field count) is turned into the same `ManifestRow` the general reader
 * makes and goes through the same matcher, so both paths give the same outcomes (tested).
 */
import { QUERY_USES } from '../registry/model.js';
import { anyReserved, statusOf } from '../snapshot/format.js';
import { packIsrcBytes, unpackIsrc } from '../snapshot/isrc-pack.js';
import { MANIFEST_FIELDS, type ColumnMap } from './manifest-columns.js';
import type { SnapshotMatcher } from './manifest-match.js';
import { errorOutcome, inputOf, noneOutcome, type ManifestRow, type RowOutcome } from './manifest-model.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

export interface ScanSetup {
  cols: ColumnMap;
  /** Fields in the header. */
  width: number;
  matcher: SnapshotMatcher;
  statuses: Uint8Array;
  /** Formats an outcome for the output file; absent when no outcomes are written. */
  format?: (o: RowOutcome) => string;
}

export interface ScanResult {
  summary: ManifestSummary;
  /** Lines in the chunk (newlines), to number the next chunk's rows. */
  lines: number;
  /** The outcomes' text, when `format` was given. */
  text: string;
}

const NL = 10;
const CR = 13;
const COMMA = 44;

/**
 * Scans whole lines of `buf`. `firstLine` is the file line of the chunk's first line; with 0 the
 * problems' lines are relative (1 = first line of the chunk) and the caller adds the offset.
 */
export function scanChunk(buf: Buffer, firstLine: number, s: ScanSetup): ScanResult {
  const isrcCol = s.cols.isrc ?? -1;
  const artistCol = s.cols.artist ?? -1;
  const titleCol = s.cols.title ?? -1;
  const byByte = new Float64Array(256);
  let notFound = 0;
  const slow = new SummaryBuilder();
  const reservedArtists = new Map<number, { name: string; n: number }>();
  const commas = new Int32Array(s.width + 1);
  const format = s.format;
  let text = '';
  let line = firstLine === 0 ? 1 : firstLine;
  let p = 0;
  const len = buf.length;
  while (p < len) {
    // One pass over the line's bytes: comma positions and the line end.
    let nc = 0;
    let i = p;
    for (; i < len; i++) {
      const b = buf[i] as number;
      if (b === COMMA) {
        if (nc < commas.length) commas[nc] = i;
        nc++;
      } else if (b === NL) break;
    }
    const next = i + 1;
    const end = i > p && buf[i - 1] === CR ? i - 1 : i;
    if (end === p) {
      p = next;
      line++;
      continue;
    }
    let done = false;
    if (nc === s.width - 1 && isrcCol >= 0) {
      const a = fieldStart(commas, p, isrcCol);
      if (fieldEnd(commas, nc, end, isrcCol) - a === 12) {
        const packed = packIsrcBytes(buf, a);
        if (packed >= 0) {
          // The status byte straight from the ISRC table's slot: one cache miss a row (isrc-index.ts).
          const byte = s.matcher.findStatus(packed);
          // A canonical ISRC the registry does not hold goes the slow way when the row has artist and title
          // (the metadata fallback); without them it is `none` here.
          if (
            byte >= 0 ||
            artistCol < 0 ||
            titleCol < 0 ||
            fieldEnd(commas, nc, end, artistCol) === fieldStart(commas, p, artistCol)
          ) {
            done = true;
            if (byte >= 0) {
              byByte[byte] = (byByte[byte] as number) + 1;
              if (anyReserved(byte)) {
                // Tallied by a hash of the artist's bytes: the name is decoded once per artist, not per row.
                const a0 = artistCol >= 0 ? fieldStart(commas, p, artistCol) : 0;
                const a1 = artistCol >= 0 ? fieldEnd(commas, nc, end, artistCol) : 0;
                const h = hashBytes(buf, a0, a1);
                const t = reservedArtists.get(h);
                if (t !== undefined) t.n++;
                else
                  reservedArtists.set(h, {
                    name: buf.toString('utf8', a0, a1).trim() || '(no artist given)',
                    n: 1,
                  });
              }
            } else notFound++;
            if (format) {
              const row = rowOf(buf, s, line, commas, p, nc, end);
              text += format(byte >= 0 ? found(row, packed, byte) : none(row, packed));
            }
          }
        }
      }
    }
    if (!done) {
      let o: RowOutcome;
      if (nc !== s.width - 1) {
        o = errorOutcome(
          { line, field: 'record', reason: `${nc + 1} fields where the header has ${s.width}` },
          'registry-snapshot',
        );
      } else {
        o = s.matcher.match(rowOf(buf, s, line, commas, p, nc, end));
      }
      slow.add(o);
      if (format) text += format(o);
    }
    p = next;
    line++;
  }
  return {
    summary: combine(slow, byByte, notFound, reservedArtists),
    lines: line - (firstLine === 0 ? 1 : firstLine),
    text,
  };
}

/** 52 bits of two FNV-1a hashes of bytes [a, b): collisions are negligible for any number of artists. */
function hashBytes(buf: Buffer, a: number, b: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = a; i < b; i++) {
    const c = buf[i] as number;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 12) & 0xfffff);
}

// Field bounds from the line's comma positions (plain functions: closures per line cost a third of the scan).
const fieldStart = (commas: Int32Array, lineStart: number, k: number): number =>
  k === 0 ? lineStart : (commas[k - 1] as number) + 1;
const fieldEnd = (commas: Int32Array, nc: number, end: number, k: number): number =>
  k === nc ? end : (commas[k] as number);

function rowOf(
  buf: Buffer,
  s: ScanSetup,
  line: number,
  commas: Int32Array,
  p: number,
  nc: number,
  end: number,
): ManifestRow {
  const row: ManifestRow = { line };
  for (const f of MANIFEST_FIELDS) {
    const k = s.cols[f];
    if (k !== undefined)
      row[f] = buf.toString('utf8', fieldStart(commas, p, k), fieldEnd(commas, nc, end, k));
  }
  return row;
}

function found(row: ManifestRow, packed: number, byte: number): RowOutcome {
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

function none(row: ManifestRow, packed: number): RowOutcome {
  return noneOutcome(row, { source: 'registry-snapshot', key: unpackIsrc(packed) });
}

/** The fast rows' counters (by status byte) added to the slow rows' summary. */
function combine(
  slow: SummaryBuilder,
  byByte: Float64Array,
  notFound: number,
  hashed: Map<number, { name: string; n: number }>,
): ManifestSummary {
  const artists = new Map<string, number>();
  for (const { name, n } of hashed.values()) artists.set(name, (artists.get(name) ?? 0) + n);
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
