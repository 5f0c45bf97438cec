import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

/**
 * The transparency log: entries (canonical JSON and leaf hash), the hashes of complete subtrees
 * (so proofs and roots never rehash the log), signed checkpoints, and the head row writers lock.
 * Triggers refuse UPDATE and DELETE on the log tables: they stop mistakes, not an administrator
 * (who could drop them), which is what `tdmr ledger verify` and published checkpoints are for.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const big = dialect === 'sqlite' ? 'integer' : 'bigint';
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';

  await db.schema
    .createTable('ledger_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('size', big, (c) => c.notNull())
    .execute();
  await sql`INSERT INTO ledger_head (id, size) VALUES (1, 0)`.execute(db);

  await db.schema
    .createTable('ledger_entries')
    // On SQLite an INTEGER PRIMARY KEY is the rowid itself: entries are stored in index order.
    .addColumn('idx', big, (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('subject_key', big)
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .execute();
  // The one secondary index: proofs find entries by what they are about (`subject`, e.g.
  // performer:<id>), through its 32-bit hash `subject_key`. Its keys arrive in random order, so each
  // insert dirties an index page at commit: it is kept small (integers), and there is deliberately no
  // index on leaf_hash (entries are addressed by index).
  await db.schema.createIndex('ledger_entries_subject_idx').on('ledger_entries').column('subject_key').execute();

  // Every complete subtree, leaves included (level 0), one integer key each: id = level * 2^47 + index
  // (see `nodeRowId`). A proof reads its nodes with one flat `id IN (...)` from this compact table
  // (never from the entry bodies); each level is contiguous and grows at its end; on SQLite the key is
  // the rowid itself.
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('id', big, (c) => c.primaryKey())
    .addColumn('hash', bytes, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('size', big, (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const tables = ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints'];
  if (dialect === 'sqlite') {
    for (const t of tables) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql
          .raw(`CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`)
          .execute(db);
      }
    }
  } else {
    await sql`CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db);
    for (const t of tables) {
      await sql.raw(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`).execute(db);
      await sql.raw(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`).execute(db);
    }
  }
}
