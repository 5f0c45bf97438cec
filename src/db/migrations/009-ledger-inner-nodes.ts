import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

/**
 * `ledger_nodes` keeps the tree's nodes above the leaves only: a leaf is the hash of its entry's body,
 * computed when a proof needs it (ledger/sql-nodes.ts). The leaf rows were half the table and a third
 * of what an append wrote; nothing else changes, the keys of the other nodes stay where they are.
 *
 * Leaf keys, as ledger/node-layout.ts lays them out and frozen here: below 2^46, the first 256 of
 * every tile of 512 keys.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // The append-only guard is lifted for this statement alone, inside one transaction: the migrator
  // opens one on PostgreSQL; on SQLite (where Kysely runs migrations without one) it is opened here.
  const drop = async (q: Kysely<unknown>, trigger: string, create: string) => {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(q);
    await sql`DELETE FROM ledger_nodes WHERE id < 70368744177664 AND id % 512 < 256`.execute(q);
    await sql.raw(create).execute(q);
  };
  if (dialect === 'sqlite') {
    await db
      .transaction()
      .execute((trx) =>
        drop(
          trx,
          'ledger_nodes_no_delete',
          "CREATE TRIGGER ledger_nodes_no_delete BEFORE DELETE ON ledger_nodes BEGIN SELECT RAISE(ABORT, 'ledger_nodes is append-only'); END",
        ),
      );
  } else {
    await drop(
      db,
      'ledger_nodes_append_only ON ledger_nodes',
      'CREATE TRIGGER ledger_nodes_append_only BEFORE UPDATE OR DELETE ON ledger_nodes FOR EACH ROW EXECUTE FUNCTION ledger_append_only()',
    );
  }
}
