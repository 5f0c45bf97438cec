import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('performers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('member_no', 'text', (c) => c.unique())
    .addColumn('isni', 'text', (c) => c.unique())
    .addColumn('ipn', 'text', (c) => c.unique())
    .addColumn('ipi', 'text')
    .addColumn('member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mandates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mandate_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('performer_id', 'text', (c) => c.notNull().references('performers.id'))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('uses', 'text', (c) => c.notNull())
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('territories', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mandates_version_uq', ['mandate_id', 'version'])
    .execute();
  await db.schema.createIndex('mandates_performer_idx').on('mandates').column('performer_id').execute();

  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('isrc', 'text', (c) => c.unique())
    .addColumn('isan', 'text', (c) => c.unique())
    .addColumn('eidr', 'text', (c) => c.unique())
    .addColumn('iswc', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version_title', 'text')
    .addColumn('display_artist', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('year', 'integer')
    .addColumn('label', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lineups')
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('performer_id', 'text', (c) => c.notNull().references('performers.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('instrument', 'text')
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('lineups_pk', ['recording_id', 'position'])
    .execute();
  await db.schema.createIndex('lineups_performer_idx').on('lineups').column('performer_id').execute();

  await db.schema
    .createTable('declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('uses', 'text', (c) => c.notNull())
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('territories', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Full-text search over normalised title/artist text: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE recordings_fts USING fts5(search_text, content='recordings', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER recordings_fts_ai AFTER INSERT ON recordings BEGIN INSERT INTO recordings_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(db);
    await sql`CREATE TRIGGER recordings_fts_ad AFTER DELETE ON recordings BEGIN INSERT INTO recordings_fts(recordings_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END`.execute(db);
    await sql`CREATE TRIGGER recordings_fts_au AFTER UPDATE OF search_text ON recordings BEGIN INSERT INTO recordings_fts(recordings_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); INSERT INTO recordings_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(db);
  } else {
    await sql`CREATE INDEX recordings_search_idx ON recordings USING GIN (to_tsvector('simple', search_text))`.execute(db);
    await sql`CREATE INDEX performers_search_idx ON performers USING GIN (to_tsvector('simple', search_text))`.execute(db);
  }
}
