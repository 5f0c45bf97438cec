/**
 * Matching manifest rows against a registry snapshot (pure). ISRC first: normalised, packed to an
 * integer and found in the snapshot's sorted array (snapshot/isrc-index.ts). Without a usable ISRC, or
 * with one the registry does not hold, by normalised artist and title: exact key, then the most similar
 * key sharing the artist or the title, at the caller's threshold (snapshot/metadata-index.ts; built on
 * first need, so ISRC-only manifests never pay for it).
 *
 * @example
 * const m = new SnapshotMatcher(view, { threshold: 0.85 });
 * m.match({ line: 2, isrc: 'FR-Z03-25-00001' }); // { method: 'isrc', isrc: 'FRZ032500001', uses: {...}, reserved: true, ... }
 */
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import { parseIsrc } from '../registry/identifiers.js';
import { anyReserved, statusOf } from '../snapshot/format.js';
import { IsrcIndex } from '../snapshot/isrc-index.js';
import { packIsrc, unpackIsrc } from '../snapshot/isrc-pack.js';
import { MetadataIndex, type KeySource } from '../snapshot/metadata-index.js';
import {
  errorOutcome,
  inputOf,
  unknownUses,
  type ManifestRow,
  type RowOutcome,
  type RowStatus,
} from './manifest-model.js';

export interface SnapshotData extends KeySource {
  isrcs: Float64Array;
  /** A prebuilt ISRC table (the snapshot's, in shared memory), else one is built. */
  isrcTable?: Int32Array | null | undefined;
  statuses: Uint8Array;
}

export interface MatchOptions {
  /** Least similarity (0..1) for a fuzzy artist + title match. */
  threshold: number;
}

/** The uses of one status byte, as outcome statuses. */
export function usesOf(byte: number): Record<QueryUse, RowStatus> {
  const out = {} as Record<QueryUse, RowStatus>;
  for (const u of QUERY_USES) out[u] = statusOf(byte, u);
  return out;
}

export class SnapshotMatcher {
  readonly source = 'registry-snapshot' as const;
  readonly #index: IsrcIndex;
  #metadata: MetadataIndex | null = null;

  constructor(
    private readonly data: SnapshotData,
    private readonly opts: MatchOptions,
  ) {
    this.#index = new IsrcIndex(data.isrcs, data.isrcTable ?? IsrcIndex.table(data.isrcs, data.statuses));
  }

  get isrcIndex(): IsrcIndex {
    return this.#index;
  }

  /** The metadata index, built on first use. */
  metadata(): MetadataIndex {
    return (this.#metadata ??= new MetadataIndex(this.data));
  }

  /** The status byte of a packed ISRC, or -1 when the snapshot does not hold it. */
  findStatus(packed: number): number {
    return this.#index.findStatus(packed);
  }

  /** `findStatus` of `keys[0..n)` into `out`, the probes batched so that their cache misses overlap. */
  findStatuses(keys: Float64Array, n: number, out: Int16Array): void {
    this.#index.findStatuses(keys, n, out);
  }

  /** Position of a packed ISRC in the snapshot, or -1. */
  find(packed: number): number {
    return this.#index.find(packed);
  }

  matchBatch(rows: readonly ManifestRow[]): RowOutcome[] {
    return rows.map((r) => this.match(r));
  }

  match(row: ManifestRow): RowOutcome {
    const hasMeta = Boolean(row.artist?.trim()) && Boolean(row.title?.trim());
    let note: string | undefined;
    const raw = row.isrc?.trim() ?? '';
    if (raw !== '') {
      let packed = packIsrc(raw);
      if (packed < 0) {
        const p = parseIsrc(raw);
        if (p.ok) packed = packIsrc(p.value);
        else if (!hasMeta)
          return errorOutcome({ line: row.line, field: 'isrc', reason: p.reason }, 'registry-snapshot', row);
        else note = `isrc not used: ${p.reason}`;
      }
      if (packed >= 0) {
        const byte = this.#index.findStatus(packed);
        if (byte >= 0) return this.#found(row, 'isrc', 1, byte, unpackIsrc(packed));
        if (!hasMeta) return this.#none(row, 0, unpackIsrc(packed));
        note = 'isrc not in the registry';
      }
    }
    if (!hasMeta) {
      return errorOutcome(
        {
          line: row.line,
          field: row.artist?.trim() ? 'title' : 'artist',
          reason: 'no ISRC, and artist and title are not both given',
        },
        'registry-snapshot',
        row,
      );
    }
    const statuses = this.data.statuses;
    const m = this.metadata().match(row.artist as string, row.title as string, this.opts.threshold, (pos) =>
      anyReserved(statuses[pos] as number),
    );
    if (m.method === 'none') {
      const o = this.#none(row, m.score, null);
      if (m.key !== null) o.evidence.key = m.key;
      o.evidence.candidates = m.candidates;
      if (note) o.evidence.note = note;
      return o;
    }
    const o = this.#found(
      row,
      m.method,
      m.score,
      statuses[m.position] as number,
      unpackIsrc(this.data.isrcs[m.position] as number),
    );
    o.evidence.key = m.key;
    o.evidence.candidates = m.candidates;
    if (note) o.evidence.note = note;
    return o;
  }

  #found(
    row: ManifestRow,
    method: RowOutcome['method'],
    score: number,
    byte: number,
    isrc: string,
  ): RowOutcome {
    return {
      line: row.line,
      method,
      score,
      isrc,
      uses: usesOf(byte),
      reserved: anyReserved(byte),
      input: inputOf(row),
      evidence: { source: 'registry-snapshot' },
    };
  }

  #none(row: ManifestRow, score: number, isrc: string | null): RowOutcome {
    const o: RowOutcome = {
      line: row.line,
      method: 'none',
      score,
      isrc: null,
      uses: unknownUses(),
      reserved: false,
      input: inputOf(row),
      evidence: { source: 'registry-snapshot' },
    };
    if (isrc !== null) o.evidence.key = isrc;
    return o;
  }
}
