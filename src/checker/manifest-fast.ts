/**
 * The CSV fast path's scanner (pure): rows of a plain CSV chunk (no quote character in it) read straight
 * from the bytes. Why by hand: at millions of rows a second, csv-parse's per-field strings and
 * per-record arrays are most of the time; here a row with a canonical 12-character ISRC is packed from
 * its bytes and looked up without making a single string (snapshot/isrc-pack.ts). Every other row (no
 * ISRC, a spelled ISRC, a wrong field count) is turned into the same `ManifestRow` the general reader
 * makes and goes through the same matcher, so both paths give the same outcomes (tested). The fast rows'
 * ISRCs are looked up a batch at a time, after the batch is read, not one row at a time.
 */
import { anyReserved } from '../snapshot/format.js';
import { packIsrcBytes } from '../snapshot/isrc-pack.js';
import { ArtistTally } from './artist-tally.js';
import { MANIFEST_FIELDS, type ColumnMap } from './manifest-columns.js';
import type { SnapshotMatcher } from './manifest-match.js';
import { combine, found, none } from './manifest-fast-outcomes.js';
import { errorOutcome, type ManifestRow, type RowOutcome } from './manifest-model.js';
import { SummaryBuilder, type ManifestSummary } from './manifest-summary.js';

export interface ScanSetup {
  cols: ColumnMap;
  /** Fields in the header. */
  width: number;
  matcher: SnapshotMatcher;
  /** Formats an outcome for the output file; absent when no outcomes are written. */
  format?: (o: RowOutcome) => string;
  /**
   * A tally of the reserved rows' artists kept across chunks (one per thread), handed on with a chunk's
   * summary only when it grows past ARTIST_CAP, else taken at the end (`entries()`). Without one, each
   * chunk's summary holds its own artists.
   */
  artists?: ArtistTally;
}

/** Artists a kept tally may hold before they go with a chunk's summary (memory stays bounded). */
const ARTIST_CAP = 50_000;

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

/** Rows whose ISRCs are looked up together (isrc-index.ts `findStatuses`: their cache misses overlap). */
const BATCH = 256;

/**
 * The rows queued for one batched lookup (each row's packed ISRC, bounds, line and artist field, and
 * whether a miss goes the slow way: the row has an artist and a title column and the artist is given,
 * the metadata fallback), and the tallies their outcomes go to. A class rather than closures over the
 * scan's variables: captured variables live in a context object, and the byte loop slowed by half. Kept
 * in this module with the scan: in a module of its own the 10M-row scan took 1.41 s instead of 1.24.
 */
class Batch {
  readonly keys = new Float64Array(BATCH);
  readonly starts = new Int32Array(BATCH);
  readonly ends = new Int32Array(BATCH);
  readonly lines = new Int32Array(BATCH);
  readonly artistStarts = new Int32Array(BATCH);
  readonly artistEnds = new Int32Array(BATCH);
  readonly fallback = new Uint8Array(BATCH);
  readonly #statuses = new Int16Array(BATCH);
  /** Its own comma array: a flush runs while the current line's commas are still needed. */
  readonly #commas: Int32Array;
  readonly byByte = new Float64Array(256);
  readonly slow = new SummaryBuilder();
  readonly reservedArtists: ArtistTally;
  notFound = 0;
  text = '';

  constructor(
    readonly buf: Buffer,
    readonly s: ScanSetup,
  ) {
    this.#commas = new Int32Array(s.width + 1);
    this.reservedArtists = s.artists ?? new ArtistTally();
  }

  /** Looks up the first `n` queued rows and tallies (and formats) their outcomes, in order. */
  flush(n: number): void {
    const { s, buf } = this;
    const bytes = this.#statuses;
    s.matcher.findStatuses(this.keys, n, bytes);
    for (let k = 0; k < n; k++) {
      const byte = bytes[k] as number;
      if (byte < 0 && this.fallback[k] === 1) {
        const o = s.matcher.match(this.#row(k));
        this.slow.add(o);
        if (s.format) this.text += s.format(o);
        continue;
      }
      if (byte >= 0) {
        this.byByte[byte] = (this.byByte[byte] as number) + 1;
        if (anyReserved(byte)) {
          // Tallied by the artist's bytes: the name is decoded once per artist, not per row.
          this.reservedArtists.add(buf, this.artistStarts[k] as number, this.artistEnds[k] as number);
        }
      } else this.notFound++;
      if (s.format) {
        const packed = this.keys[k] as number;
        const row = this.#row(k);
        this.text += s.format(byte >= 0 ? found(row, packed, byte) : none(row, packed));
      }
    }
  }

  #row(k: number): ManifestRow {
    const a = this.starts[k] as number;
    const e = this.ends[k] as number;
    return rowOf(
      this.buf,
      this.s,
      this.lines[k] as number,
      this.#commas,
      a,
      commasOf(this.buf, a, e, this.#commas),
      e,
    );
  }
}

/**
 * Scans whole lines of `buf`. `firstLine` is the file line of the chunk's first line; with 0 the
 * problems' lines are relative (1 = first line of the chunk) and the caller adds the offset.
 */
export function scanChunk(buf: Buffer, firstLine: number, s: ScanSetup): ScanResult {
  const isrcCol = s.cols.isrc ?? -1;
  const artistCol = s.cols.artist ?? -1;
  const titleCol = s.cols.title ?? -1;
  const commas = new Int32Array(s.width + 1);
  const format = s.format;
  const batch = new Batch(buf, s);
  const { keys, starts, ends, lines, artistStarts, artistEnds, fallback } = batch;
  let queued = 0;
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
    let queuedRow = false;
    if (nc === s.width - 1 && isrcCol >= 0) {
      const a = fieldStart(commas, p, isrcCol);
      if (fieldEnd(commas, nc, end, isrcCol) - a === 12) {
        const packed = packIsrcBytes(buf, a);
        if (packed >= 0) {
          keys[queued] = packed;
          starts[queued] = p;
          ends[queued] = end;
          lines[queued] = line;
          const a0 = artistCol >= 0 ? fieldStart(commas, p, artistCol) : 0;
          const a1 = artistCol >= 0 ? fieldEnd(commas, nc, end, artistCol) : 0;
          artistStarts[queued] = a0;
          artistEnds[queued] = a1;
          fallback[queued] = artistCol >= 0 && titleCol >= 0 && a1 > a0 ? 1 : 0;
          queuedRow = true;
          if (++queued === BATCH) {
            batch.flush(queued);
            queued = 0;
          }
        }
      }
    }
    if (!queuedRow) {
      // The queued rows first, so that outcomes and problems stay in file order.
      if (queued > 0) {
        batch.flush(queued);
        queued = 0;
      }
      let o: RowOutcome;
      if (nc !== s.width - 1) {
        o = errorOutcome(
          { line, field: 'record', reason: `${nc + 1} fields where the header has ${s.width}` },
          'registry-snapshot',
        );
      } else {
        o = s.matcher.match(rowOf(buf, s, line, commas, p, nc, end));
      }
      batch.slow.add(o);
      if (format) batch.text += format(o);
    }
    p = next;
    line++;
  }
  if (queued > 0) batch.flush(queued);
  let artists: { name: string; n: number }[] = [];
  if (s.artists === undefined || s.artists.size > ARTIST_CAP) {
    artists = batch.reservedArtists.entries();
    s.artists?.clear();
  }
  return {
    summary: combine(batch.slow, batch.byByte, batch.notFound, artists),
    lines: line - (firstLine === 0 ? 1 : firstLine),
    text: batch.text,
  };
}

/** Comma positions of the line [p, end) into `commas` (as many as fit); the number of commas. */
function commasOf(buf: Buffer, p: number, end: number, commas: Int32Array): number {
  let nc = 0;
  for (let i = p; i < end; i++) {
    if (buf[i] === COMMA) {
      if (nc < commas.length) commas[nc] = i;
      nc++;
    }
  }
  return nc;
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
