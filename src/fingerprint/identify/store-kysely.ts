/** The fingerprint store on Kysely, for SQLite and PostgreSQL alike. */
import type { Kysely, Transaction } from 'kysely';
import { chunks } from '../../db/bulk.js';
import type { DB } from '../../db/schema.js';
import type { LedgerEntry } from '../../ledger/entries.js';
import { appendLedgerEntries } from '../../ledger/store-kysely.js';
import { referencePostings, type IndexHit, type Posting } from './index-keys.js';
import { decodeRaw, encodeRaw, rawSha256 } from './raw-codec.js';
import type { FingerprintStore, NewFingerprint, RecordingRef, StoredFingerprint } from './store.js';

type Db = Kysely<DB> | Transaction<DB>;

// Rows per multi-row INSERT (3 parameters each): well under SQLite's 32,766 and PostgreSQL's 65,535.
const INSERT_ROWS = 2000;
// Keys per lookup query: IN lists of this size stay cheap to plan on both dialects.
const LOOKUP_KEYS = 500;

export class KyselyFingerprintStore implements FingerprintStore {
  constructor(private readonly db: Db) {}

  async transaction<T>(fn: (store: FingerprintStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyFingerprintStore(trx)));
  }

  async appendLog(entries: readonly LedgerEntry[]): Promise<void> {
    await appendLedgerEntries(this.db, entries);
  }

  async findRecording(by: { isrc: string } | { id: string }): Promise<RecordingRef | null> {
    const q = this.db.selectFrom('recordings').select(['id', 'isrc', 'title', 'display_artist']);
    const r = await (
      'isrc' in by ? q.where('isrc', '=', by.isrc) : q.where('id', '=', by.id)
    ).executeTakeFirst();
    return r === undefined ? null : { id: r.id, isrc: r.isrc, title: r.title, artist: r.display_artist };
  }

  async putFingerprint(f: NewFingerprint): Promise<{ fp: number; replaced: boolean }> {
    const old = await this.db
      .selectFrom('fingerprints')
      .select(['fp_no', 'raw'])
      .where('recording_id', '=', f.recordingId)
      .executeTakeFirst();
    let fp: number;
    if (old !== undefined) {
      fp = Number(old.fp_no);
      // The old postings are recomputed from the old fingerprint and deleted by primary key: no second
      // index on fp_no is needed for a rare operation.
      await this.deletePostings(fp, referencePostings(decodeRaw(old.raw)));
      await this.db
        .updateTable('fingerprints')
        .set({
          items: f.raw.length,
          duration_ms: f.durationMs,
          raw: encodeRaw(f.raw),
          raw_sha256: rawSha256(f.raw),
          source: f.source,
          enrolled_at: f.enrolledAt,
        })
        .where('recording_id', '=', f.recordingId)
        .execute();
    } else {
      // Inside the enrolment transaction, after the log append has taken the log head's lock, so two
      // enrolments cannot read the same maximum.
      const max = await this.db
        .selectFrom('fingerprints')
        .select((eb) => eb.fn.max('fp_no').as('m'))
        .executeTakeFirst();
      fp = Number(max?.m ?? 0) + 1;
      await this.db
        .insertInto('fingerprints')
        .values({
          recording_id: f.recordingId,
          fp_no: fp,
          items: f.raw.length,
          duration_ms: f.durationMs,
          raw: encodeRaw(f.raw),
          raw_sha256: rawSha256(f.raw),
          source: f.source,
          enrolled_at: f.enrolledAt,
        })
        .execute();
    }
    for (const part of chunks(f.postings, INSERT_ROWS)) {
      await this.db
        .insertInto('fingerprint_index')
        .values(part.map((p) => ({ hash_key: p.key, fp_no: fp, position: p.position })))
        .execute();
    }
    return { fp, replaced: old !== undefined };
  }

  private async deletePostings(fp: number, postings: readonly Posting[]): Promise<void> {
    const keys = [...new Set(postings.map((p) => p.key))];
    for (const part of chunks(keys, LOOKUP_KEYS)) {
      await this.db
        .deleteFrom('fingerprint_index')
        .where('fp_no', '=', fp)
        .where('hash_key', 'in', part)
        .execute();
    }
  }

  async lookup(keys: readonly number[]): Promise<IndexHit[]> {
    const out: IndexHit[] = [];
    for (const part of chunks(keys, LOOKUP_KEYS)) {
      const rows = await this.db
        .selectFrom('fingerprint_index')
        .select(['hash_key', 'fp_no', 'position'])
        .where('hash_key', 'in', part)
        .execute();
      for (const r of rows)
        out.push({ key: Number(r.hash_key), fp: Number(r.fp_no), position: Number(r.position) });
    }
    return out;
  }

  async fingerprints(fps: readonly number[]): Promise<StoredFingerprint[]> {
    if (fps.length === 0) return [];
    const rows = await this.selectStored()
      .where('f.fp_no', 'in', [...fps])
      .execute();
    return rows.map(storedFromRow);
  }

  async fingerprintOf(recordingId: string): Promise<StoredFingerprint | null> {
    const r = await this.selectStored().where('f.recording_id', '=', recordingId).executeTakeFirst();
    return r === undefined ? null : storedFromRow(r);
  }

  async count(): Promise<{ fingerprints: number; postings: number }> {
    const f = await this.db
      .selectFrom('fingerprints')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const p = await this.db
      .selectFrom('fingerprint_index')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return { fingerprints: Number(f?.n ?? 0), postings: Number(p?.n ?? 0) };
  }

  private selectStored() {
    return this.db
      .selectFrom('fingerprints as f')
      .innerJoin('recordings as r', 'r.id', 'f.recording_id')
      .select([
        'f.fp_no',
        'f.recording_id',
        'f.raw',
        'f.duration_ms',
        'f.enrolled_at',
        'r.isrc',
        'r.title',
        'r.display_artist',
      ]);
  }
}

function storedFromRow(r: {
  fp_no: number;
  recording_id: string;
  raw: string;
  duration_ms: number;
  enrolled_at: string;
  isrc: string | null;
  title: string;
  display_artist: string;
}): StoredFingerprint {
  return {
    fp: Number(r.fp_no),
    recording: { id: r.recording_id, isrc: r.isrc, title: r.title, artist: r.display_artist },
    raw: decodeRaw(r.raw),
    durationMs: Number(r.duration_ms),
    enrolledAt: r.enrolled_at,
  };
}
