/**
 * Performers in the SQLite sink: upsert by natural key (performers files), resolve references (mandates,
 * line-ups) through an in-memory key -> id cache, and ensure DDEX parties exist. Synchronous: it runs inside
 * the sink's open transaction.
 */
import { randomUUID } from 'node:crypto';
import { performerFromRow, performerToRow, samePerformer } from '../rows.js';
import type { DdexPerformer, EntityCounts, PerformerDraft, PerformerRef, RowOutcome } from './model.js';
import { ACCEPTED, rejected } from './model.js';
import { RowidSet } from './rowid-set.js';
import type { Statements, StoredPerformer } from './sqlite-statements.js';

type Key = 'isni' | 'ipn' | 'memberNo';
const KEYS: readonly Key[] = ['isni', 'ipn', 'memberNo'];
const COLUMN: Record<Key, string> = { isni: 'isni', ipn: 'ipn', memberNo: 'member_no' };
const LABEL: Record<Key, string> = { isni: 'ISNI', ipn: 'IPN', memberNo: 'member number' };

export type Resolved = { ok: true; id: string } | { ok: false; field: string; reason: string };

export class SqlitePerformers {
  /** Natural key -> performer id, for every performer this run has looked up or written. */
  private readonly ids: Record<Key, Map<string, string>> = {
    isni: new Map(),
    ipn: new Map(),
    memberNo: new Map(),
  };
  private readonly written = new RowidSet();
  /** DDEX performers already counted in this file (a party appears on many resources). */
  private readonly ensured = new Set<string>();

  constructor(
    private readonly st: Statements,
    private readonly now: string,
    private readonly counts: EntityCounts,
  ) {}

  private stored(key: Key, value: string): StoredPerformer | undefined {
    return key === 'isni'
      ? this.st.performerByIsni.get(value)
      : key === 'ipn'
        ? this.st.performerByIpn.get(value)
        : this.st.performerByMemberNo.get(value);
  }

  private remember(p: {
    id: string;
    isni: string | null;
    ipn: string | null;
    member_no?: string | null;
    memberNo?: string | null;
  }): void {
    if (p.isni !== null) this.ids.isni.set(p.isni, p.id);
    if (p.ipn !== null) this.ids.ipn.set(p.ipn, p.id);
    const no = p.memberNo ?? p.member_no ?? null;
    if (no !== null) this.ids.memberNo.set(no, p.id);
  }

  private forget(p: StoredPerformer): void {
    if (p.isni !== null) this.ids.isni.delete(p.isni);
    if (p.ipn !== null) this.ids.ipn.delete(p.ipn);
    if (p.member_no !== null) this.ids.memberNo.delete(p.member_no);
  }

  /** A performers-file row: insert, or update the performer with the same key (keeping its id). */
  upsert(d: PerformerDraft): RowOutcome {
    let existing: StoredPerformer | undefined;
    let foundBy: Key | null = null;
    for (const key of KEYS) {
      const value = d[key];
      if (value === null) continue;
      const row = this.stored(key, value);
      if (row === undefined) continue;
      if (existing === undefined) {
        existing = row;
        foundBy = key;
      } else if (row.id !== existing.id) {
        return rejected(
          COLUMN[key],
          `${LABEL[key]} ${value} belongs to another performer (${row.display_name}) than ${LABEL[foundBy as Key]} ${d[foundBy as Key]}`,
        );
      }
    }
    if (existing === undefined) {
      const p = { ...d, id: randomUUID() };
      const info = this.st.insertPerformer.run(performerToRow(p, this.now));
      this.written.add(Number(info.lastInsertRowid));
      this.remember(p);
      this.counts.inserted++;
      return ACCEPTED;
    }
    if (this.written.has(existing.rowid)) {
      return rejected(
        COLUMN[foundBy as Key],
        `this performer (${LABEL[foundBy as Key]} ${d[foundBy as Key]}) appears earlier in this import`,
      );
    }
    this.written.add(existing.rowid);
    const merged = { ...d, id: existing.id };
    if (samePerformer(performerFromRow(existing), merged)) {
      this.remember(merged);
      this.counts.unchanged++;
      return ACCEPTED;
    }
    const r = performerToRow(merged, this.now);
    this.st.updatePerformer.run(
      r.display_name,
      r.sort_name,
      r.aliases,
      r.member_no,
      r.isni,
      r.ipn,
      r.ipi,
      r.member,
      r.search_text,
      r.updated_at,
      r.id,
    );
    this.forget(existing);
    this.remember(merged);
    this.counts.updated++;
    return ACCEPTED;
  }

  private idBy(key: Key, value: string): string | undefined {
    const cached = this.ids[key].get(value);
    if (cached !== undefined) return cached;
    const id =
      key === 'isni'
        ? this.st.performerIdByIsni.get(value)
        : key === 'ipn'
          ? this.st.performerIdByIpn.get(value)
          : this.st.performerIdByMemberNo.get(value);
    if (id !== undefined) this.ids[key].set(value, id);
    return id;
  }

  /** The performer a reference names: the first key that matches wins; another key naming someone else is an error. */
  resolve(ref: PerformerRef, prefix = 'performer_'): Resolved {
    let id: string | undefined;
    let by: Key | null = null;
    for (const key of KEYS) {
      const value = ref[key];
      if (value === null) continue;
      const found = this.idBy(key, value);
      if (found === undefined) continue;
      if (id === undefined) {
        id = found;
        by = key;
      } else if (found !== id) {
        return {
          ok: false,
          field: prefix + COLUMN[key],
          reason: `${LABEL[key]} ${value} names another performer than ${LABEL[by as Key]} ${ref[by as Key]}`,
        };
      }
    }
    if (id !== undefined) return { ok: true, id };
    const first = KEYS.find((k) => ref[k] !== null) as Key;
    return {
      ok: false,
      field: prefix + COLUMN[first],
      reason: `no performer with ${LABEL[first]} ${ref[first]}`,
    };
  }

  /** Counts of DDEX performers are per file, as PostgreSQL's merge counts them. */
  startFile(): void {
    this.ensured.clear();
  }

  /** A DDEX performer: the stored one with its ISNI, IPN or id, else inserted as a non-member. */
  ensure(p: DdexPerformer): string {
    const d = p.performer;
    const id =
      (d.isni !== null ? this.idBy('isni', d.isni) : undefined) ??
      (d.ipn !== null ? this.idBy('ipn', d.ipn) : undefined) ??
      this.st.performerIdById.get(p.id);
    if (id !== undefined) {
      if (!this.ensured.has(id)) {
        this.ensured.add(id);
        this.counts.unchanged++;
      }
      return id;
    }
    this.st.insertPerformer.run(performerToRow({ ...d, id: p.id }, this.now));
    this.remember({ ...d, id: p.id });
    this.ensured.add(p.id);
    this.counts.inserted++;
    return p.id;
  }
}
