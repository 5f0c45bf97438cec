/**
 * Fingerprints of reserved recordings and their inverted index (docs/fingerprint-identify.md). A
 * recording has at most one fingerprint (re-enrolment replaces it); `fp_no` is a small integer that
 * the index rows carry instead of the TEXT recording id, which keeps the index a fraction of the size.
 * The index is one B-tree on (hash_key, fp_no, position): a lookup by key is a range read of the tree
 * (no table scan), and the tree holds every column the lookup returns. On SQLite it is the table itself
 * (WITHOUT ROWID); on PostgreSQL a covering index beside the heap, so lookups are index scans (index-only once vacuumed).
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('fingerprints')
    .addColumn('recording_id', 'text', (c) => c.primaryKey().references('recordings.id'))
    .addColumn('fp_no', 'integer', (c) => c.notNull().unique())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('raw_sha256', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute();

  const index = db.schema
    .createTable('fingerprint_index')
    .addColumn('hash_key', 'integer', (c) => c.notNull())
    .addColumn('fp_no', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull());
  if (dialect === 'sqlite') {
    await index
      .addPrimaryKeyConstraint('fingerprint_index_pk', ['hash_key', 'fp_no', 'position'])
      .modifyEnd(sql`WITHOUT ROWID`)
      .execute();
  } else {
    await index.execute();
    await db.schema
      .createIndex('fingerprint_index_key_idx')
      .on('fingerprint_index')
      .columns(['hash_key', 'fp_no', 'position'])
      .execute();
  }
}
