/**
 * Registry and licence tables read page by page, in key order, for the log audit (`audit.ts`). Reads only; the
 * registry's own row mapping keeps the comparison on domain values, not on column spellings.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DB, MandateRow } from '../db/schema.js';
import type { LineupEntry } from '../registry/model.js';
import { declarationFromRow, lineupFromRow, MANDATE_COLUMNS, mandateFromRow, recordingFromRow } from '../registry/rows.js';
import type { AuditedDistributionRun, AuditedLicence, AuditedRequest, AuditedUsageReport, AuditSource } from './store.js';
import { usageLinesSha256, type UsageLineFacts } from './usage-digest.js';

export class KyselyAuditSource implements AuditSource {
  readonly #mandatePage: BetterSqlite3.Statement | null;

  /**
   * @param raw the better-sqlite3 handle behind `db` when it is SQLite: mandate pages, one row per
   *   entry of the log, are then read as arrays, which costs half what better-sqlite3's row objects
   *   (and so Kysely's) do (BENCHMARKS.md, ledger verify).
   */
  constructor(
    private readonly db: Kysely<DB> | Transaction<DB>,
    raw: BetterSqlite3.Database | null = null,
  ) {
    this.#mandatePage = raw?.prepare(`SELECT ${MANDATE_COLUMNS.join(', ')} FROM mandates WHERE id > ? ORDER BY id LIMIT ?`).raw() ?? null;
  }

  async mandates(after: string, limit: number) {
    if (this.#mandatePage !== null) {
      return (this.#mandatePage.all(after, limit) as unknown[][]).map((t) => {
        const row = {} as Record<string, unknown>;
        MANDATE_COLUMNS.forEach((c, i) => (row[c] = t[i]));
        return mandateFromRow(row as unknown as MandateRow);
      });
    }
    const rows = await this.db
      .selectFrom('mandates')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(mandateFromRow);
  }

  async declarations() {
    const rows = await this.db.selectFrom('declarations').selectAll().orderBy('id').execute();
    return rows.map(declarationFromRow);
  }

  async recordings(after: string, limit: number) {
    const recs = (
      await this.db
        .selectFrom('recordings')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()
    ).map(recordingFromRow);
    if (recs.length === 0) return [];
    const byRec = new Map<string, LineupEntry[]>(recs.map((r) => [r.id, []]));
    const rows = await this.db
      .selectFrom('lineups')
      .selectAll()
      .where('recording_id', 'in', [...byRec.keys()])
      .orderBy('recording_id')
      .orderBy('position')
      .execute();
    for (const r of rows) byRec.get(r.recording_id)?.push(lineupFromRow(r));
    return recs.map((recording) => ({ recording, lineup: byRec.get(recording.id) ?? [] }));
  }

  async licences(after: string, limit: number): Promise<AuditedLicence[]> {
    const rows = await this.db
      .selectFrom('licences')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      request: r.request_id,
      licensee: r.organisation_id,
      // Text that is not JSON is kept as text: the comparison then reports it instead of failing.
      terms: parseOr(r.terms),
      tariff: { id: r.tariff_id, version: Number(r.tariff_version) },
      issuedAt: r.issued_at,
      terminatedAt: r.terminated_at,
      documentSha256: createHash('sha256').update(r.document, 'utf8').digest('hex'),
    }));
  }

  async usageReports(after: string, limit: number): Promise<AuditedUsageReport[]> {
    const reports = await this.db.selectFrom('usage_reports').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
    if (reports.length === 0) return [];
    const lines = new Map<string, UsageLineFacts[]>(reports.map((r) => [r.id, []]));
    const rows = await this.db
      .selectFrom('usage_lines')
      .selectAll()
      .where('report_id', 'in', [...lines.keys()])
      .orderBy('report_id')
      .orderBy('line')
      .execute();
    for (const l of rows) {
      lines.get(l.report_id)?.push({
        line: Number(l.line),
        isrc: l.isrc,
        recordingId: l.recording_id,
        uses: parseOr(l.uses) as string[],
        units: Number(l.units),
        seconds: Number(l.seconds),
        flag: l.flag,
        cents: Number(l.cents),
      });
    }
    return reports.map((r) => ({
      id: r.id,
      licence: r.licence_id,
      period: { from: r.period_from, to: r.period_to },
      currency: r.currency,
      totalCents: Number(r.total_cents),
      lines: Number(r.lines),
      flagged: Number(r.flagged),
      submittedAt: r.submitted_at,
      linesSha256: usageLinesSha256(lines.get(r.id) ?? []),
    }));
  }

  async distributionRuns(after: string, limit: number): Promise<AuditedDistributionRun[]> {
    const runs = await this.db.selectFrom('distribution_runs').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
    if (runs.length === 0) return [];
    const ids = runs.map((r) => r.id);
    const reports = await this.db.selectFrom('distribution_reports').selectAll().where('run_id', 'in', ids).execute();
    const shares = await this.db
      .selectFrom('distribution_shares')
      .select((eb) => ['run_id', eb.fn.sum<string | number>('cents').as('cents')])
      .where('run_id', 'in', ids)
      .groupBy('run_id')
      .execute();
    const held = await this.db
      .selectFrom('distribution_suspense')
      .select((eb) => ['run_id', eb.fn.sum<string | number>('cents').as('cents')])
      .where('run_id', 'in', ids)
      .groupBy('run_id')
      .execute();
    // Grouped by run once: a run may take thousands of reports.
    const reportsOf = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const x of reports) reportsOf.get(x.run_id)?.push(x.report_id);
    const sharesOf = new Map(shares.map((x) => [x.run_id, Number(x.cents)]));
    const heldOf = new Map(held.map((x) => [x.run_id, Number(x.cents)]));
    return runs.map((r) => ({
      id: r.id,
      period: { from: r.period_from, to: r.period_to },
      rules: parseOr(r.rules),
      reports: reportsOf.get(r.id) ?? [],
      collectedCents: Number(r.collected_cents),
      distributedCents: Number(r.distributed_cents),
      suspenseCents: Number(r.suspense_cents),
      createdAt: r.created_at,
      sharesCents: sharesOf.get(r.id) ?? 0,
      heldCents: heldOf.get(r.id) ?? 0,
    }));
  }

  async licenceRequests(after: string, limit: number): Promise<AuditedRequest[]> {
    const requests = await this.db.selectFrom('licence_requests').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
    if (requests.length === 0) return [];
    const events = new Map<string, (string | null)[][]>(requests.map((r) => [r.id, []]));
    const rows = await this.db
      .selectFrom('licence_events')
      .selectAll()
      .where('request_id', 'in', [...events.keys()])
      .orderBy('request_id')
      .orderBy('seq')
      .execute();
    for (const e of rows) events.get(e.request_id)?.push([e.action, e.from_state, e.to_state, e.actor_role, e.actor_id, e.at, e.note]);
    return requests.map((r) => ({
      id: r.id,
      organisation: r.organisation_id,
      terms: parseOr(r.terms),
      state: r.state,
      offer: r.offer === null ? null : parseOr(r.offer),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      events: events.get(r.id) ?? [],
    }));
  }
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
