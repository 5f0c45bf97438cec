/**
 * Registry and licence tables read page by page, in key order, for the log audit (`audit.ts`). Reads only; the
 * registry's own row mapping keeps the comparison on domain values, not on column spellings.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LineupEntry } from '../registry/model.js';
import { declarationFromRow, lineupFromRow, mandateFromRow, recordingFromRow } from '../registry/rows.js';
import type { AuditedLicence, RegistryAuditSource } from './store.js';

export class KyselyRegistryAuditSource implements RegistryAuditSource {
  constructor(private readonly db: Kysely<DB> | Transaction<DB>) {}

  async mandates(after: string, limit: number) {
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
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
