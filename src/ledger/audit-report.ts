/** What an audit found: divergences between the stored log, its checkpoints and the registry tables. */

/** Where the stored state disagrees with the log recomputed from its entries. */
export interface Divergence {
  /** Entry index the problem belongs to; null for a registry row that no entry accounts for. */
  readonly index: number | null;
  /** Table holding the disagreeing row. */
  readonly table: string;
  /** Key of the row: entry index, `level/index` of a node, checkpoint size, mandate or recording id. */
  readonly key: string;
  /** What differs, for people. */
  readonly problem: string;
}

export interface AuditReport {
  readonly ok: boolean;
  /** Entries read and recomputed. */
  readonly entries: number;
  /** Size the head row claims. */
  readonly headSize: number;
  /** Checkpoints checked (root and, with a key, signature). */
  readonly checkpoints: number;
  /** Base64 root of the recomputed tree. */
  readonly rootHash: string;
  /** Registry and licence rows compared with the replayed log. */
  readonly rows: { mandates: number; declarations: number; recordings: number; licences: number; usageReports: number; distributionRuns: number; licenceRequests: number };
  /** The divergence with the lowest entry index (rows without an entry come last), or null. */
  readonly first: Divergence | null;
  /** Up to `DIVERGENCE_LIMIT`, in order of entry index. */
  readonly divergences: readonly Divergence[];
  /** True when more divergences were found than are listed. */
  readonly truncated: boolean;
}

/** Divergences kept in a report: past the first few the rest are usually one cause seen again. */
export const DIVERGENCE_LIMIT = 100;

/** Collects divergences, keeping the ones with the lowest entry indices. */
export class DivergenceLog {
  readonly #items: Divergence[] = [];
  #dropped = 0;

  add(d: Divergence): void {
    this.#items.push(d);
    if (this.#items.length > DIVERGENCE_LIMIT * 2) this.#trim();
  }

  get count(): number {
    return this.#items.length + this.#dropped;
  }

  /** The kept divergences, by entry index (null last, in the order found). */
  list(): { divergences: Divergence[]; truncated: boolean } {
    this.#trim();
    return { divergences: [...this.#items], truncated: this.#dropped > 0 };
  }

  #trim(): void {
    const order = (d: Divergence) => (d.index === null ? Number.MAX_SAFE_INTEGER : d.index);
    const sorted = this.#items.map((d, i) => ({ d, i })).sort((a, b) => order(a.d) - order(b.d) || a.i - b.i);
    this.#dropped += Math.max(0, sorted.length - DIVERGENCE_LIMIT);
    this.#items.length = 0;
    for (const { d } of sorted.slice(0, DIVERGENCE_LIMIT)) this.#items.push(d);
  }
}

/** One line for people: `entry 41, mandates m-7: uses: log [...] vs row [...]`. */
export function formatDivergence(d: Divergence): string {
  const at = d.index === null ? 'no entry' : `entry ${d.index}`;
  return `${at}, ${d.table} ${d.key}: ${d.problem}`;
}
