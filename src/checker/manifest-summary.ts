/**
 * The summary of a manifest check (pure, constant memory): counts by match method and by status per
 * use, the share of rows reserved, and the performers with the most reserved rows (a bounded counter:
 * when it holds too many names, the ones seen once are dropped, so the top of the list stays right for
 * any performer with more than a handful of rows).
 */
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import { MATCH_METHODS, type MatchMethod, type RowOutcome, type RowStatus } from './manifest-model.js';

const STATUSES: readonly RowStatus[] = ['reserved', 'licensed', 'not-covered', 'unknown'];
const MAX_NAMES = 50_000;

export interface ManifestSummary {
  rows: number;
  reserved: number;
  /** Rows with a use the caller's licences cover (`licensed`): only with licences applied (online, or on the web). */
  licensed: number;
  shareReserved: number;
  errors: number;
  byMethod: Record<MatchMethod, number>;
  reservedByMethod: Record<MatchMethod, number>;
  byUse: Record<QueryUse, Record<RowStatus, number>>;
  topPerformers: { artist: string; reserved: number }[];
  /** The first problems (file line, field, reason), at most 20. */
  firstErrors: { line: number; field: string; reason: string }[];
}

export class SummaryBuilder {
  rows = 0;
  reserved = 0;
  licensed = 0;
  readonly byMethod = Object.fromEntries(MATCH_METHODS.map((m) => [m, 0])) as Record<MatchMethod, number>;
  readonly reservedByMethod = Object.fromEntries(MATCH_METHODS.map((m) => [m, 0])) as Record<
    MatchMethod,
    number
  >;
  readonly byUse = Object.fromEntries(
    QUERY_USES.map((u) => [u, Object.fromEntries(STATUSES.map((s) => [s, 0]))]),
  ) as Record<QueryUse, Record<RowStatus, number>>;
  readonly #performers = new Map<string, number>();
  readonly #errors: ManifestSummary['firstErrors'] = [];

  add(o: RowOutcome): void {
    this.rows++;
    this.byMethod[o.method]++;
    if (o.error && this.#errors.length < 20) this.#errors.push({ line: o.line, ...o.error });
    if (o.uses !== null) {
      for (const u of QUERY_USES) this.byUse[u][o.uses[u]]++;
      if (QUERY_USES.some((u) => o.uses?.[u] === 'licensed')) this.licensed++;
    }
    if (!o.reserved) return;
    this.reserved++;
    this.reservedByMethod[o.method]++;
    this.addPerformer(o.input.artist?.trim() || '(no artist given)', 1);
  }

  addPerformer(name: string, n: number): void {
    this.#performers.set(name, (this.#performers.get(name) ?? 0) + n);
    if (this.#performers.size > MAX_NAMES)
      for (const [k, v] of this.#performers) if (v <= 1) this.#performers.delete(k);
  }

  /** Adds another builder's counts (a worker's share of the file). */
  merge(s: ManifestSummary): void {
    this.rows += s.rows;
    this.reserved += s.reserved;
    this.licensed += s.licensed;
    for (const m of MATCH_METHODS) {
      this.byMethod[m] += s.byMethod[m];
      this.reservedByMethod[m] += s.reservedByMethod[m];
    }
    for (const u of QUERY_USES) for (const st of STATUSES) this.byUse[u][st] += s.byUse[u][st];
    for (const p of s.topPerformers) this.addPerformer(p.artist, p.reserved);
    for (const e of s.firstErrors) if (this.#errors.length < 20) this.#errors.push(e);
  }

  summary(top = 10): ManifestSummary {
    const topPerformers = [...this.#performers]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, top)
      .map(([artist, reserved]) => ({ artist, reserved }));
    return {
      rows: this.rows,
      reserved: this.reserved,
      licensed: this.licensed,
      shareReserved: this.rows === 0 ? 0 : this.reserved / this.rows,
      errors: this.byMethod.error,
      byMethod: { ...this.byMethod },
      reservedByMethod: { ...this.reservedByMethod },
      byUse: structuredClone(this.byUse),
      topPerformers,
      firstErrors: [...this.#errors].sort((a, b) => a.line - b.line),
    };
  }
}
