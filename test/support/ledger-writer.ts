/**
 * Child process of the kill test: writes mandate versions and their log entries, many per
 * transaction, as fast as it can, until it is killed. Prints `committed N` after each transaction.
 * Usage: node --import ./test/support/ts-register.mjs test/support/ledger-writer.ts DB_URL
 */
import { toConfig } from '../../src/config/config.js';
import { createContext } from '../../src/context.js';
import { mandateEntry } from '../../src/ledger/entries.js';
import { appendLedgerEntries } from '../../src/ledger/store-kysely.js';
import { KyselyRegistryStore } from '../../src/registry/store-kysely.js';
import { mandate, performer } from './ledger.js';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: ledger-writer.ts DB_URL');
const ctx = await createContext(toConfig({ databaseUrl: url, logLevel: 'silent' }));
const p = performer('Killed Writer');
await ctx.stores.registry.upsertPerformer(p);
for (let n = 1; ; n++) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const reg = new KyselyRegistryStore(trx, ctx.db.kind);
    // Rows and entries interleaved, so a kill can land between any two writes of the transaction.
    for (let k = 0; k < 40; k++) {
      const v = mandate(p.id, { recordedAt: new Date().toISOString() });
      await reg.appendMandateVersion(v);
      await appendLedgerEntries(trx, [mandateEntry(v)]);
    }
  });
  process.stdout.write(`committed ${n}\n`);
}
