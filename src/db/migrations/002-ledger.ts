import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

/**
 * The transparency log: entries (canonical JSON and leaf hash), interior nodes of complete subtrees
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
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_entries_subject_idx').on('ledger_entries').columns(['type', 'subject']).execute();
  await db.schema.createIndex('ledger_entries_leaf_idx').on('ledger_entries').column('leaf_hash').execute();

  let nodes = db.schema
    .createTable('ledger_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', big, (c) => c.notNull())
    .addColumn('hash', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx']);
  // Clustered on (level, idx): no rowid to maintain, and each level grows at its own end.
  if (dialect === 'sqlite') nodes = nodes.modifyEnd(sql`WITHOUT ROWID`);
  await nodes.execute();

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
