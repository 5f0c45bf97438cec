/**
 * One table of the licensing desk compared with the entries that describe its rows (audit-licences.ts,
 * audit-usage.ts, audit-distributions.ts): each entry of `entryType` is parsed (hostile data is a
 * divergence), kept as a digest of the compared fields under its row's key, and the rows are then read
 * page by page, both ways: a row without an entry, an entry without a row, and fields that differ (the
 * entry read again to say which) are divergences. `check` adds what a row must satisfy beyond its
 * entry's fields.
 */
import type { z } from 'zod';
import { badEntryData, differingFields, viewDigest } from './audit-fields.js';
import type { Divergence, DivergenceLog } from './audit-report.js';
import { parseEntry, type ParsedEntry } from './entry-codec.js';
import type { LedgerStore } from './store.js';

export interface KeyedTable<D, R extends { id: string }, V> {
  entryType: string;
  table: string;
  /** What a row is called in problems ("usage report"). */
  what: string;
  /** The problem of a second entry for the same row; default "<what> logged twice". */
  twice?: string;
  schema: z.ZodType<D>;
  key(data: D): string;
  /** The compared fields as the entry gives them, and as the row does. */
  logView(at: string, data: D): V;
  rowView(row: R): V;
  fields: readonly (keyof V)[];
  rows(after: string, limit: number): Promise<R[]>;
  /** Why a row without its own entry is one (it names the row's context). */
  orphan(row: R): string;
  /** Further problems of a row whose entry is at `index`. */
  check?(row: R, index: number): Omit<Divergence, 'key'>[];
}

const PAGE = 500;

export class KeyedReplay<D, R extends { id: string }, V> {
  readonly #log: DivergenceLog;
  readonly #t: KeyedTable<D, R, V>;
  readonly #seen = new Map<string, { index: number; digest: string }>();
  rows = 0;

  constructor(log: DivergenceLog, table: KeyedTable<D, R, V>) {
    this.#log = log;
    this.#t = table;
  }

  /** True once an entry for the row `key` was fed. */
  has(key: string): boolean {
    return this.#seen.has(key);
  }

  feed(index: number, e: ParsedEntry): void {
    if (e.type !== 'other' || e.entryType !== this.#t.entryType) return;
    const d = this.#t.schema.safeParse(e.data);
    if (!d.success) return this.#log.add(badEntryData(index, this.#t.entryType, d.error));
    const key = this.#t.key(d.data);
    const first = this.#seen.get(key);
    if (first !== undefined) {
      const twice = this.#t.twice ?? `${this.#t.what} logged twice`;
      this.#log.add({
        index,
        table: this.#t.table,
        key,
        problem: `${twice} (first at entry ${first.index})`,
      });
    }
    this.#seen.set(key, { index, digest: viewDigest(this.#t.logView(e.at, d.data), this.#t.fields) });
  }

  async compare(store: LedgerStore): Promise<void> {
    const t = this.#t;
    for (let after = ''; ;) {
      const page = await t.rows(after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        this.rows += 1;
        const seen = this.#seen.get(r.id);
        if (seen === undefined) {
          this.#log.add({ index: null, table: t.table, key: r.id, problem: t.orphan(r) });
          continue;
        }
        this.#seen.delete(r.id);
        const row = t.rowView(r);
        if (seen.digest !== viewDigest(row, t.fields)) {
          this.#log.add({
            index: seen.index,
            table: t.table,
            key: r.id,
            problem: await this.#differences(store, seen.index, row),
          });
        }
        for (const p of t.check?.(r, seen.index) ?? []) this.#log.add({ ...p, key: r.id });
      }
      after = page[page.length - 1]!.id;
    }
    for (const [key, seen] of this.#seen)
      this.#log.add({ index: seen.index, table: t.table, key, problem: `logged ${t.what} has no row` });
  }

  async #differences(store: LedgerStore, index: number, row: V): Promise<string> {
    const [stored] = await store.entriesAt([index]);
    const e = stored === undefined ? null : parseEntry(stored.body);
    const d = e?.type === 'other' ? this.#t.schema.safeParse(e.data) : null;
    if (e === null || d === null || !d.success) return 'content differs';
    return differingFields(this.#t.logView(e.at, d.data), row, this.#t.fields) ?? 'content differs';
  }
}
