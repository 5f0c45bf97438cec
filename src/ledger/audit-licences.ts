/**
 * The licensing half of the audit: replays `licence.issued` and `licence.terminated` entries and compares
 * them with the `licences` table, as the registry half does for mandates, declarations and line-ups. No
 * licence without its entry, no entry without its licence: the licensee, request, terms, tariff, issue
 * instant, the SHA-256 of the signed agreement and the termination must be what the log says.
 *
 * Memory stays proportional to the number of licences: a digest per licence, the entry re-read only to
 * describe a mismatch. The entries' data are hostile input (a body may have been edited): a shape that
 * does not parse is a divergence, never a crash.
 */
import { hash } from 'node:crypto';
import { z } from 'zod';
import type { DivergenceLog } from './audit-report.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { isInstant, parseEntry, type ParsedEntry } from './entry-codec.js';
import type { AuditedLicence, LedgerStore, RegistryAuditSource } from './store.js';

const PAGE = 2000;
const id = z.string().min(1).max(200);
const issuedData = z.strictObject({
  id,
  licence: id,
  organisation: id,
  terms: z.unknown(),
  tariff: z.strictObject({ id: z.string(), version: z.number().int() }),
  agreementSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const terminatedData = z.strictObject({
  id,
  licence: id,
  terminatedAt: z.string().refine(isInstant, 'an ISO-8601 UTC instant'),
});

/** What is compared of a licence, in a fixed order (the log's names). */
interface LicenceView {
  licence: string;
  request: string;
  organisation: string;
  terms: unknown;
  tariff: { id: string; version: number };
  issuedAt: string;
  agreementSha256: string;
}
const FIELDS = ['request', 'organisation', 'terms', 'tariff', 'issuedAt', 'agreementSha256'] as const;

/** Canonical JSON of a compared value (absent as null). */
export const fieldText = (v: unknown): string => canonicalJson((v ?? null) as JsonValue);

/** The digest kept per row of the replayed log: SHA-256 of the canonical JSON of its fields, in order. */
export const viewDigest = <V>(v: V, fields: readonly (keyof V)[]): string =>
  hash('sha256', fieldText(fields.map((f) => v[f])), 'base64');

/** `field: log X vs row Y` for each field that differs. */
export function fieldDifferences<V>(logged: V, row: V, fields: readonly (keyof V)[]): string {
  const out = fields
    .filter((f) => fieldText(logged[f]) !== fieldText(row[f]))
    .map((f) => `${String(f)}: log ${fieldText(logged[f])} vs row ${fieldText(row[f])}`);
  return out.length > 0 ? out.join('; ') : 'content differs';
}

const digest = (v: LicenceView): string => viewDigest(v, FIELDS);

function rowView(l: AuditedLicence): LicenceView {
  return {
    licence: l.id,
    request: l.request,
    organisation: l.licensee,
    terms: l.terms,
    tariff: l.tariff,
    issuedAt: l.issuedAt,
    agreementSha256: l.documentSha256,
  };
}

interface Seen {
  index: number;
  digest: string;
  /** The termination the log records, with its entry. */
  terminated: { at: string; index: number } | null;
}

export class LicenceReplay {
  readonly #log: DivergenceLog;
  readonly #licences = new Map<string, Seen>();
  rows = 0;

  constructor(log: DivergenceLog) {
    this.#log = log;
  }

  /** Replays one entry (only licence issues and terminations matter here). */
  feed(index: number, e: ParsedEntry): void {
    if (e.type !== 'other') return;
    if (e.entryType === 'licence.issued') {
      const d = issuedData.safeParse(e.data);
      if (!d.success) return this.#bad(index, e.entryType, d.error);
      const v: LicenceView = { ...d.data, issuedAt: e.at, request: d.data.id };
      if (this.#licences.has(v.licence)) {
        this.#log.add({
          index,
          table: 'licences',
          key: v.licence,
          problem: `licence issued twice (first at entry ${this.#licences.get(v.licence)!.index})`,
        });
      }
      this.#licences.set(v.licence, { index, digest: digest(v), terminated: null });
    } else if (e.entryType === 'licence.terminated') {
      const d = terminatedData.safeParse(e.data);
      if (!d.success) return this.#bad(index, e.entryType, d.error);
      const seen = this.#licences.get(d.data.licence);
      if (seen === undefined)
        this.#log.add({
          index,
          table: 'licences',
          key: d.data.licence,
          problem: 'termination of a licence the log never issued',
        });
      else if (seen.terminated !== null)
        this.#log.add({
          index,
          table: 'licences',
          key: d.data.licence,
          problem: `licence terminated twice (first at entry ${seen.terminated.index})`,
        });
      else seen.terminated = { at: d.data.terminatedAt, index };
    }
  }

  /** Compares the replayed licences with the `licences` table. */
  async compare(source: RegistryAuditSource, store: LedgerStore): Promise<void> {
    for (let after = ''; ;) {
      const page = await source.licences(after, PAGE);
      if (page.length === 0) break;
      for (const l of page) {
        this.rows += 1;
        const seen = this.#licences.get(l.id);
        if (seen === undefined) {
          this.#log.add({
            index: null,
            table: 'licences',
            key: l.id,
            problem: `licence of request ${l.request} has no licence.issued entry`,
          });
          continue;
        }
        this.#licences.delete(l.id);
        const row = rowView(l);
        if (seen.digest !== digest(row))
          this.#log.add({
            index: seen.index,
            table: 'licences',
            key: l.id,
            problem: await this.#differences(store, seen.index, row),
          });
        const logged = seen.terminated?.at ?? null;
        if (logged !== l.terminatedAt) {
          this.#log.add({
            index: seen.terminated?.index ?? seen.index,
            table: 'licences',
            key: l.id,
            problem: `terminated_at: log ${JSON.stringify(logged)} vs row ${JSON.stringify(l.terminatedAt)}`,
          });
        }
      }
      after = page[page.length - 1]!.id;
    }
    for (const [key, seen] of this.#licences)
      this.#log.add({ index: seen.index, table: 'licences', key, problem: 'logged licence has no row' });
  }

  #bad(index: number, type: string, error: z.ZodError): void {
    const why = error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ');
    this.#log.add({ index, table: 'ledger_entries', key: String(index), problem: `${type} entry: ${why}` });
  }

  /** `field: log X vs row Y` for each field that differs, from the entry read again. */
  async #differences(store: LedgerStore, index: number, row: LicenceView): Promise<string> {
    const [stored] = await store.entriesAt([index]);
    const e = stored === undefined ? null : parseEntry(stored.body);
    const d = e?.type === 'other' ? issuedData.safeParse(e.data) : null;
    if (e === null || d === null || !d.success) return 'content differs';
    return fieldDifferences<LicenceView>({ ...d.data, issuedAt: e.at, request: d.data.id }, row, FIELDS);
  }
}
