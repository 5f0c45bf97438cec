import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

/**
 * The log's entries keep only what nothing else can give: the index and the canonical body. The type
 * and instant are in the body, the leaf hash is the level-0 row of `ledger_nodes`, and the topic index
 * moves to `ledger_topics` (block, topic key, index), block = floor(index / 2^16).
 *
 * Why: the topic index on the entry table took its keys in random order, so every transaction dirtied
 * pages all over an index as large as the log, and with four derived columns made an entry cost twice
 * what its body and leaf do. Keyed by block first, an append only touches the last block's part of
 * the index, whatever the log's size; a lookup seeks once per block (docs/ledger.md, "Storage").
 * Existing rows are copied over; nothing in the log changes.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const big = dialect === 'sqlite' ? 'integer' : 'bigint';
  await db.schema
    .createTable('ledger_entries_slim')
    .addColumn('idx', big, (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO ledger_entries_slim (idx, body) SELECT idx, body FROM ledger_entries ORDER BY idx`.execute(
    db,
  );

  // On SQLite without a rowid: the key is the whole row, stored once, in key order.
  const topics = db.schema
    .createTable('ledger_topics')
    .addColumn('block', big, (c) => c.notNull())
    .addColumn('topic_key', big, (c) => c.notNull())
    .addColumn('idx', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_topics_pkey', ['block', 'topic_key', 'idx']);
  await (dialect === 'sqlite' ? topics.modifyEnd(sql`WITHOUT ROWID`) : topics).execute();
  // 65536: TOPIC_BLOCK of ledger/sql-append.ts, frozen here as this migration wrote it.
  await sql`INSERT INTO ledger_topics (block, topic_key, idx)
    SELECT idx / 65536, subject_key, idx FROM ledger_entries WHERE subject_key IS NOT NULL ORDER BY idx / 65536, subject_key, idx`.execute(
    db,
  );

  // Dropping the table drops its index and triggers (on SQLite, without running the DELETE trigger).
  await db.schema.dropTable('ledger_entries').execute();
  await db.schema.alterTable('ledger_entries_slim').renameTo('ledger_entries').execute();

  // Append-only, as 002-ledger made the other log tables.
  const tables = ['ledger_entries', 'ledger_topics'];
  if (dialect === 'sqlite') {
    for (const t of tables) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql
          .raw(
            `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
          )
          .execute(db);
      }
    }
  } else {
    for (const t of tables) {
      await sql
        .raw(
          `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`,
        )
        .execute(db);
    }
  }
}
