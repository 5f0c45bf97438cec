/**
 * Licences in the licensing audit: `licence.issued` entries against the `licences` table, both ways
 * (audit-keyed.ts): the licensee, request, terms, tariff, issue instant and the SHA-256 of the signed
 * agreement; and `licence.terminated` entries against each licence's termination instant, so that a
 * licence terminated by SQL with no entry, or a termination undone, is found at its entry.
 *
 * Memory stays proportional to the number of licences: a digest and a termination per licence. The
 * entries' data are hostile input (a body may have been edited): a shape that does not parse is a
 * divergence, never a crash.
 */
import { z } from 'zod';
import { badEntryData } from './audit-fields.js';
import { KeyedReplay } from './audit-keyed.js';
import type { DivergenceLog } from './audit-report.js';
import { isInstant, type ParsedEntry } from './entry-codec.js';
import type { AuditedLicence, LedgerStore, AuditSource } from './store.js';

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

/** What is compared of a licence (the log's names). */
interface LicenceView {
  request: string;
  organisation: string;
  terms: unknown;
  tariff: { id: string; version: number };
  issuedAt: string;
  agreementSha256: string;
}

/** The replay of licences and their terminations, reading the rows from `source`. */
export function licenceReplay(
  log: DivergenceLog,
  source: AuditSource,
): {
  feed(index: number, e: ParsedEntry): void;
  compare(store: LedgerStore): Promise<void>;
  readonly rows: number;
} {
  /** The termination the log records for each licence, with its entry. */
  const terminations = new Map<string, { at: string; index: number }>();
  const issued = new KeyedReplay<z.infer<typeof issuedData>, AuditedLicence, LicenceView>(log, {
    entryType: 'licence.issued',
    table: 'licences',
    what: 'licence',
    twice: 'licence issued twice',
    schema: issuedData,
    key: (d) => d.licence,
    logView: (at, d) => ({
      request: d.id,
      organisation: d.organisation,
      terms: d.terms,
      tariff: d.tariff,
      issuedAt: at,
      agreementSha256: d.agreementSha256,
    }),
    rowView: (l) => ({
      request: l.request,
      organisation: l.licensee,
      terms: l.terms,
      tariff: l.tariff,
      issuedAt: l.issuedAt,
      agreementSha256: l.documentSha256,
    }),
    fields: ['request', 'organisation', 'terms', 'tariff', 'issuedAt', 'agreementSha256'],
    rows: (after, limit) => source.licences(after, limit),
    orphan: (l) => `licence of request ${l.request} has no licence.issued entry`,
    check: (l, index) => {
      const t = terminations.get(l.id);
      const logged = t?.at ?? null;
      if (logged === l.terminatedAt) return [];
      return [
        {
          index: t?.index ?? index,
          table: 'licences',
          problem: `terminated_at: log ${JSON.stringify(logged)} vs row ${JSON.stringify(l.terminatedAt)}`,
        },
      ];
    },
  });
  return {
    feed(index, e) {
      issued.feed(index, e);
      if (e.type !== 'other' || e.entryType !== 'licence.terminated') return;
      const d = terminatedData.safeParse(e.data);
      if (!d.success) return log.add(badEntryData(index, e.entryType, d.error));
      const key = d.data.licence;
      const first = terminations.get(key);
      if (!issued.has(key))
        log.add({ index, table: 'licences', key, problem: 'termination of a licence the log never issued' });
      else if (first !== undefined)
        log.add({
          index,
          table: 'licences',
          key,
          problem: `licence terminated twice (first at entry ${first.index})`,
        });
      else terminations.set(key, { at: d.data.terminatedAt, index });
    },
    compare: (store) => issued.compare(store),
    get rows() {
      return issued.rows;
    },
  };
}
